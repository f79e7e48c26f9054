/* gcc computes strcmp, memcmp and strncmp of two string literals at compile time, even at -O0:
   strcmp and memcmp then give -1, 0 or 1. With a variable, glibc's function runs and gives the
   difference of the first differing bytes (as unsigned chars). strncmp is folded too, but with
   the byte difference, as the library computes it. */
#include <stdio.h>
#include <string.h>

int main(void) {
    char a[] = "a", e[] = "e", abc[] = "abc", abz[] = "abz";
    printf("literals:  %d %d %d\n", strcmp("a", "e"), strcmp("e", "a"), strcmp("abc", "abc"));
    printf("variables: %d %d %d\n", strcmp(a, e), strcmp(e, a), strcmp(abc, "abc"));
    printf("mixed:     %d %d\n", strcmp("a", e), strcmp(e, "a"));
    printf("lengths:   %d %d | %d %d\n", strcmp("ab", "abc"), strcmp("abcd", "abc"), strcmp(abc, "ab"), strcmp("ab", abc));
    printf("high byte: %d %d\n", strcmp("\xff", "a"), strcmp("\xff", a));
    printf("memcmp:    %d %d %d | %d %d\n", memcmp("abz", "abd", 3), memcmp("abc", "abd", 2), memcmp("ab", "abd", 3),
           memcmp(abz, "abd", 3), memcmp(abc, abz, 3));
    printf("strncmp:   %d %d %d | %d\n", strncmp("a", "e", 1), strncmp("abz", "abd", 5), strncmp("abc", "abcd", 10),
           strncmp(abz, "abd", 5));
    printf("strlen:    %zu %zu\n", strlen("hello"), strlen(abc));
    if (strcmp("apple", "banana") == -1) printf("apple < banana gives exactly -1 here\n");
    if (strcmp(a, "e") != -1) printf("but not with a variable: %d\n", strcmp(a, "e"));
    return 0;
}
