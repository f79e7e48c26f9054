/* ftell, fseek and rewind on a stream: the position counts what the program read or wrote, not
   what stdio's buffer read ahead. */
#include <stdio.h>

int main(void) {
    FILE *f = fopen("pos.txt", "w+");
    fputs("abcdefghij\n0123456789\n", f);
    printf("after writing: %ld\n", ftell(f));
    rewind(f);
    int c = fgetc(f);
    printf("after rewind and one fgetc: %ld, the char %c\n", ftell(f), c);
    fseek(f, 11, SEEK_SET);
    char line[32];
    fgets(line, sizeof line, f);
    printf("line at 11: %s", line);
    printf("now at %ld, feof %d\n", ftell(f), feof(f));
    c = fgetc(f);
    printf("fgetc at end: %d, feof %d\n", c, feof(f));
    fseek(f, -5, SEEK_END);
    printf("5 from the end: %c\n", fgetc(f));
    clearerr(f);
    fseek(f, 2, SEEK_CUR);
    c = fgetc(f);
    printf("2 further: %c, now at %ld\n", c, ftell(f));
    fclose(f);
    return 0;
}
