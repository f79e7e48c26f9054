#include <stdio.h>
#include <stdlib.h>

#define N 100000

static int values[N];

int compare_ints(const void *a, const void *b) {
    int x = *(const int *)a;
    int y = *(const int *)b;
    return (x > y) - (x < y);
}

int main(void) {
    unsigned seed = 12345;
    long checksum = 0;
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < N; i++) {
            seed = seed * 1103515245 + 12345;
            values[i] = (int)(seed >> 8);
        }
        qsort(values, N, sizeof values[0], compare_ints);
        for (int i = 1; i < N; i++) {
            if (values[i - 1] > values[i]) {
                printf("not sorted at %d\n", i);
                return 1;
            }
        }
        checksum += values[N / 2] % 1000;
    }
    printf("sorted 3 x %d ints, checksum %ld\n", N, checksum);
    return 0;
}
