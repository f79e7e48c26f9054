// puts adds a newline, fputs does not; putchar writes one character; their return values.
#include <stdio.h>

int main(void)
{
    puts("puts adds a newline");
    fputs("fputs does not", stdout);
    fputs(" -- so this continues the line\n", stdout);
    putchar('p');
    putchar('u');
    putchar('t');
    putchar('\n');
    int r = putchar('A');
    putchar('\n');
    printf("putchar returned %d\n", r);
    r = putchar(256 + 'B');
    putchar('\n');
    printf("putchar(256 + 'B') returned %d\n", r);
    r = puts("");
    printf("puts(\"\") printed an empty line and returned %s\n", r >= 0 ? "non-negative" : "EOF");
    r = fputs("", stdout);
    printf("fputs(\"\") returned %s\n", r >= 0 ? "non-negative" : "EOF");
    for (char c = 'a'; c <= 'z'; c++)
        putchar(c);
    putchar('\n');
    fputs("multiple\nlines\nin one fputs\n", stdout);
    puts("tab\tseparated\tcolumns");
    return 0;
}
