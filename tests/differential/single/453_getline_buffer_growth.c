// file: lines.txt=short\n
// getline mallocs a 120-byte buffer for a NULL line and grows it as glibc does: to twice its
// size, or to what the line needs when that is more, looking a buffer's worth of input at a time.
// getdelim splits on another byte; the last line may lack its newline; -1 at end of file.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    FILE *f = fopen("long.txt", "w");
    int lengths[] = { 5, 118, 119, 120, 130, 300, 5000, 10000, 3 };
    for (int i = 0; i < 9; i++) {
        for (int j = 0; j < lengths[i]; j++) fputc('a' + j % 26, f);
        fputc('\n', f);
    }
    fputs("no newline at the end", f);
    fclose(f);

    f = fopen("long.txt", "r");
    char *line = NULL;
    size_t n = 0;
    ssize_t r;
    while ((r = getline(&line, &n, f)) != -1) printf("read %zd, n %zu, ends with %d\n", r, n, line[r - 1]);
    printf("at the end: %zd, n %zu, feof %d\n", r, n, feof(f));
    free(line);

    line = NULL;
    n = 10;
    rewind(f);
    r = getline(&line, &n, f);
    printf("NULL line with n 10: read %zd, n %zu\n", r, n);
    char *small = malloc(4);
    n = 4;
    r = getdelim(&small, &n, 'c', f);
    printf("getdelim up to 'c': %zd, n %zu, '%s'\n", r, n, small);
    free(line);
    free(small);
    fclose(f);

    FILE *g = fopen("lines.txt", "r");
    char *word = NULL;
    size_t size = 0;
    while (getdelim(&word, &size, 'o', g) != -1) printf("piece '%s'\n", word);
    free(word);
    fclose(g);
    return 0;
}
