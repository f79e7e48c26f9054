// ctype.h: isdigit, isalpha, isspace, toupper, tolower (only zero or non-zero is specified).
#include <stdio.h>
#include <ctype.h>

int main(void)
{
    const char *sample = "aZ 09\t\n_!?\v\f\r~";
    for (const char *p = sample; *p; p++) {
        unsigned char c = (unsigned char)*p;
        printf("%3d digit %d alpha %d space %d upper %3d lower %3d\n", c, !!isdigit(c), !!isalpha(c),
               !!isspace(c), toupper(c), tolower(c));
    }
    char shout[] = "Fork() returns TWICE, 1 time in each!";
    for (char *p = shout; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    printf("%s\n", shout);
    for (char *p = shout; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    printf("%s\n", shout);

    const char *input = "  42 apples and 7 pears  ";
    int digits = 0, letters = 0, spaces = 0;
    for (const char *p = input; *p; p++) {
        digits += isdigit((unsigned char)*p) != 0;
        letters += isalpha((unsigned char)*p) != 0;
        spaces += isspace((unsigned char)*p) != 0;
    }
    printf("digits %d letters %d spaces %d\n", digits, letters, spaces);
    printf("toupper(200) = %d, tolower(-1 == EOF) = %d\n", toupper(200), tolower(-1));
    return 0;
}
