/* Calls gcc -O0 rewrites (printf "x\n" to puts, "%c" and one character to putchar, "" to nothing,
   fprintf to fputs, fputc and fwrite) print exactly what printf would: this program checks the
   bytes, the order between stdout and stderr, and putchar of values beyond a byte. gcc -Wall
   warns on purpose about the empty format and the NUL in a format (-Wformat-zero-length,
   -Wformat-contains-nul): those calls are part of what is checked. */
#include <stdio.h>

int main(void) {
    int c = 'A' + 256;
    char ch = 'z';
    printf("line one\n");
    printf("%c", c);
    printf("%c", ch);
    printf("!");
    printf("");
    printf("\n");
    printf("%s", "one character: ");
    printf("%s", "x");
    printf("%s\n", "");
    printf("%s", "");
    printf("a\0hidden\n");
    printf("\n");
    fprintf(stdout, "%s", "to stdout via fputs\n");
    fflush(stdout);
    fprintf(stderr, "to stderr via fwrite\n");
    fprintf(stderr, "%c", '#');
    fprintf(stderr, "%s", "\n");
    fputs("fputs of a literal\n", stdout);
    fputs("", stdout);
    printf("%s\n", "done");
    return 0;
}
