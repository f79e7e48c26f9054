// 64-bit multiplication wraps: unsigned long modulo 2^64, and long (gcc -O0 wraps the same way;
// signed overflow is undefined in ISO C, but the lab follows gcc -O0 and wraps at 64 bits).
#include <stdio.h>

int main(void)
{
    unsigned long u = 0x9E3779B97F4A7C15UL;
    unsigned long x = 12345;
    for (int i = 0; i < 5; i++) {
        x = x * u + 1;
        printf("x%d = %lu\n", i, x);
    }

    long a = 3037000500L;            /* just above sqrt(2^63) */
    long sq = a * a;
    printf("3037000500 * 3037000500 = %ld\n", sq);

    long f = 1;
    for (int i = 1; i <= 25; i++) {
        f = f * i;
        if (i >= 19)
            printf("%d! as long = %ld\n", i, f);
    }

    unsigned long uf = 1;
    for (unsigned long i = 1; i <= 25; i++)
        uf *= i;
    printf("25! as unsigned long = %lu\n", uf);

    long long big = 9223372036854775807LL;
    long long one = 1;
    printf("LLONG_MAX + 1 = %lld\n", big + one);
    printf("(long)(ULONG_MAX / 3 * 5) = %ld\n", (long)(0xFFFFFFFFFFFFFFFFUL / 3 * 5));

    unsigned long hi = 0xFFFFFFFFUL;
    printf("0xFFFFFFFF * 0xFFFFFFFF = %lu\n", hi * hi);
    unsigned int narrow = 0xFFFFFFFFu;
    printf("same in 32 bits = %u\n", narrow * narrow);
    return 0;
}
