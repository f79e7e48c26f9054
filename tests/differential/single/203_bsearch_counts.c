// bsearch over a sorted array: glibc probes the middle of the range each time, so the probes
// (printed by the comparator) and their number are the same in the lab; NULL when absent.
#include <stdio.h>
#include <stdlib.h>

static int probes;

static int compare(const void *key, const void *element)
{
    int k = *(const int *)key, e = *(const int *)element;
    probes++;
    printf(" %d", e);
    return (k > e) - (k < e);
}

int main(void)
{
    int primes[] = { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71 };
    int n = sizeof primes / sizeof primes[0];
    int keys[] = { 2, 71, 37, 38, 1, 100, 13 };
    for (int i = 0; i < 7; i++) {
        probes = 0;
        printf("%3d:", keys[i]);
        int *hit = bsearch(&keys[i], primes, n, sizeof primes[0], compare);
        if (hit)
            printf("  -> index %ld after %d probes\n", (long)(hit - primes), probes);
        else
            printf("  -> not found (%s) after %d probes\n", hit == NULL ? "NULL" : "?", probes);
    }
    int none[1];
    printf("empty array: %s\n", bsearch(&keys[0], none, 0, sizeof none[0], compare) ? "found" : "NULL");
    return 0;
}
