// printf with the long and long long conversions at their extremes.
#include <stdio.h>
#include <limits.h>

int main(void)
{
    long lmin = LONG_MIN, lmax = LONG_MAX;
    unsigned long ulmax = ULONG_MAX;
    long long llmin = LLONG_MIN, llmax = LLONG_MAX;
    unsigned long long ullmax = ULLONG_MAX;

    printf("%ld %ld\n", lmin, lmax);
    printf("%lu\n", ulmax);
    printf("%lld %lld\n", llmin, llmax);
    printf("%llu\n", ullmax);
    printf("[%25ld] [%-25ld|] [%+ld] [%025ld]\n", lmax, lmin, lmax, lmin);
    printf("[%.22lld] [%+.3lld] [% lld]\n", llmax, 5LL, 99LL);
    printf("[%lx] [%lX] [%lo] [%#lx]\n", ulmax, 0xDEADBEEFCAFEUL, 0777UL, 255UL);
    printf("[%llx] [%#llo]\n", 0x123456789ABCDEFULL, 01234567ULL);
    printf("[%li] [%lu]\n", -1L, (unsigned long)-1L);
    return 0;
}
