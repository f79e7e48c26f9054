// stdin: Hello, World 123\nsecond line\n
// getchar reads the input one character at a time until EOF; count characters, lines, words.
#include <stdio.h>
#include <ctype.h>

int main(void)
{
    int c, chars = 0, lines = 0, words = 0, digits = 0, in_word = 0;
    while ((c = getchar()) != EOF) {
        chars++;
        if (c == '\n')
            lines++;
        if (isdigit(c))
            digits++;
        if (isspace(c)) {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            words++;
        }
        putchar(toupper(c));
    }
    printf("chars %d lines %d words %d digits %d\n", chars, lines, words, digits);
    printf("getchar after EOF: %d\n", getchar());
    return 0;
}
