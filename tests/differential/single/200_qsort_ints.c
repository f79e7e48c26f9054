// qsort of ints with a comparator that counts its calls: glibc's merge sort makes exactly these
// comparisons, in this order, so the counts (and the printed calls) are the same in the lab.
#include <stdio.h>
#include <stdlib.h>

static int calls;

static int ascending(const void *a, const void *b)
{
    int x = *(const int *)a;
    int y = *(const int *)b;
    calls++;
    return (x > y) - (x < y);
}

static int descending(const void *a, const void *b)
{
    calls++;
    return *(const int *)b - *(const int *)a;
}

static int noisy(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    printf("cmp(%d,%d) ", x, y);
    return x - y;
}

static void show(const char *label, const int *v, int n)
{
    printf("%-10s", label);
    for (int i = 0; i < n; i++)
        printf(" %d", v[i]);
    printf("  (%d comparisons)\n", calls);
    calls = 0;
}

int main(void)
{
    int v[] = { 42, 7, -3, 19, 7, 0, 88, -15, 23, 7, 61, 4 };
    int n = sizeof v / sizeof v[0];
    qsort(v, n, sizeof v[0], ascending);
    show("ascending", v, n);
    qsort(v, n, sizeof v[0], descending);
    show("descending", v, n);
    qsort(v, n, sizeof v[0], descending);
    show("again", v, n);

    int few[] = { 3, 1, 2, 5, 4 };
    qsort(few, 5, sizeof few[0], noisy);
    printf("\n");
    qsort(few, 1, sizeof few[0], noisy);
    qsort(few, 0, sizeof few[0], noisy);
    printf("one and zero elements: no calls\n");

    static int big[5000];
    unsigned seed = 2024;
    for (int i = 0; i < 5000; i++) {
        seed = seed * 1103515245u + 12345u;
        big[i] = (seed >> 16) % 1000;
    }
    qsort(big, 5000, sizeof big[0], ascending);
    int sorted = 1;
    for (int i = 1; i < 5000; i++)
        if (big[i - 1] > big[i])
            sorted = 0;
    printf("5000 values: sorted=%d min=%d median=%d max=%d comparisons=%d\n", sorted, big[0], big[2500], big[4999], calls);
    return 0;
}
