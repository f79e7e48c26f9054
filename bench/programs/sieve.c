#include <stdio.h>
#include <stdlib.h>

#define N 10000000

int main(void) {
    char *composite = calloc(N + 1, 1);
    int count = 0;
    for (long i = 2; i <= N; i++) {
        if (!composite[i]) {
            count++;
            for (long j = i * i; j <= N; j += i) composite[j] = 1;
        }
    }
    printf("%d primes up to %d\n", count, N);
    free(composite);
    return 0;
}
