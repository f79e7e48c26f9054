// strcmp, strncmp and memcmp (only the sign of their result is specified, so print the sign).
#include <stdio.h>
#include <string.h>

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

int main(void)
{
    const char *pairs[][2] = {
        { "fork", "fork" }, { "fork", "forks" }, { "exec", "exit" }, { "Zebra", "apple" },
        { "", "a" }, { "abc", "abd" }, { "b", "abc" }, { "\xff", "a" },
    };
    int n = sizeof pairs / sizeof pairs[0];
    for (int i = 0; i < n; i++)
        printf("strcmp(#%d) = %d, strncmp 3 = %d, strncmp 0 = %d\n", i, sign(strcmp(pairs[i][0], pairs[i][1])),
               sign(strncmp(pairs[i][0], pairs[i][1], 3)), sign(strncmp(pairs[i][0], pairs[i][1], 0)));

    unsigned char a[4] = { 1, 2, 3, 200 };
    unsigned char b[4] = { 1, 2, 3, 100 };
    printf("memcmp 3 = %d, memcmp 4 = %d, reversed = %d\n", sign(memcmp(a, b, 3)), sign(memcmp(a, b, 4)),
           sign(memcmp(b, a, 4)));
    char with_nul1[] = { 'a', 0, 'b' };
    char with_nul2[] = { 'a', 0, 'c' };
    printf("strcmp stops at NUL: %d, memcmp does not: %d\n", sign(strcmp(with_nul1, with_nul2)),
           sign(memcmp(with_nul1, with_nul2, 3)));

    const char *sorted[] = { "clone", "exec", "exit", "fork", "vfork", "wait", "waitpid" };
    int ok = 1;
    for (int i = 1; i < 7; i++)
        if (strcmp(sorted[i - 1], sorted[i]) >= 0)
            ok = 0;
    printf("list sorted: %s\n", ok ? "yes" : "no");
    printf("strncmp(\"waitpid\", \"wait\", 4) == 0: %d\n", strncmp("waitpid", "wait", 4) == 0);
    return 0;
}
