// printf with %c and %s: width, precision and the - flag.
#include <stdio.h>

int main(void)
{
    const char *words[] = { "", "a", "fork", "vfork", "a longer string" };
    int n = sizeof words / sizeof words[0];

    for (int i = 0; i < n; i++) {
        const char *w = words[i];
        printf("[%s] [%8s] [%-8s|] [%.3s] [%8.2s] [%-8.2s|] [%.0s]\n", w, w, w, w, w, w, w);
    }
    printf("[%c] [%3c] [%-3c|] [%c%c%c]\n", 'x', 'y', 'z', 'A', 66, 'C' + 1);
    printf("[%c]\n", 256 + 'k');
    char buf[] = { 'n', 'o', ' ', 'n', 'u', 'l', 'l' };
    printf("[%.7s]\n", buf);
    printf("[%s]\n", "tab\there, quote\" and backslash\\");
    return 0;
}
