// Loops: while, do-while (runs at least once), for with several variables, break, continue.
#include <stdio.h>

int main(void)
{
    int n = 0;
    do {
        printf("do-while body runs with n = %d\n", n);
    } while (n > 0);

    int digits = 0, value = 907050;
    do {
        digits++;
        value /= 10;
    } while (value != 0);
    printf("907050 has %d digits\n", digits);

    int i = 10;
    while (i --> 0)
        if (i % 3 == 0)
            printf("%d ", i);
    printf("\n");

    for (int lo = 0, hi = 9; lo < hi; lo++, hi--)
        printf("(%d,%d)", lo, hi);
    printf("\n");

    for (int k = 0; k < 20; k++) {
        if (k % 2 == 0)
            continue;
        if (k > 11)
            break;
        printf("odd %d\n", k);
    }

    int primes = 0;
    for (int candidate = 2; candidate < 50; candidate++) {
        int d;
        for (d = 2; d * d <= candidate; d++)
            if (candidate % d == 0)
                break;
        if (d * d > candidate) {
            printf("%d ", candidate);
            primes++;
        }
    }
    printf("\n%d primes below 50\n", primes);

    int total = 0;
    for (;;) {
        total += 7;
        if (total > 30)
            break;
    }
    printf("total %d\n", total);
    int count = 0;
    do
        count++;
    while (count < 3 && (count += 10) < 5);
    printf("count %d\n", count);
    return 0;
}
