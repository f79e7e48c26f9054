// Pointers to pointers, arrays of pointers, and const in its three places.
#include <stdio.h>
#include <stdlib.h>

static void set_to_larger(int **slot, int *a, int *b)
{
    *slot = *a > *b ? a : b;
}

static void allocate(int **out, int n)
{
    *out = malloc(n * sizeof **out);
    for (int i = 0; i < n; i++)
        (*out)[i] = i * 3;
}

static int count_chars(const char *const *words, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        for (const char *p = words[i]; *p; p++)
            total++;
    return total;
}

int main(void)
{
    int x = 5, y = 9;
    int *p = &x;
    int **pp = &p;
    **pp = 6;
    printf("x %d, *p %d, **pp %d\n", x, *p, **pp);
    set_to_larger(pp, &x, &y);
    printf("p now points to %s, value %d\n", p == &y ? "y" : "x", *p);

    int *numbers = NULL;
    allocate(&numbers, 5);
    printf("numbers:");
    for (int i = 0; i < 5; i++)
        printf(" %d", numbers[i]);
    printf("\n");
    free(numbers);

    const char *words[] = { "fork", "exec", "wait", "exit" };
    printf("characters: %d\n", count_chars(words, 4));
    const char **w = words;
    printf("w[1] %s, *(w + 2) %s, **w %c, *(*(w + 3) + 1) %c\n", w[1], *(w + 2), **w, *(*(w + 3) + 1));

    int a = 1, b = 2, c = 3;
    int *table[] = { &a, &b, &c };
    for (int i = 0; i < 3; i++)
        *table[i] *= 10;
    printf("a %d b %d c %d\n", a, b, c);

    const int limit = 100;
    const int *read_only = &limit;
    int value = 1;
    int *const fixed = &value;
    *fixed = 2;
    const int *const both = &limit;
    printf("limit %d value %d both %d\n", *read_only, value, *both);
    read_only = &value;
    printf("read_only now %d\n", *read_only);

    char grid[2][3] = { "ab", "cd" };
    char (*rowp)[3] = grid;
    printf("rows: %s %s\n", rowp[0], *(rowp + 1));
    return 0;
}
