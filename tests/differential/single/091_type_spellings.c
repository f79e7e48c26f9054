// The many spellings of the integer types, and signed/unsigned with no other keyword.
#include <stdio.h>

int main(void)
{
    signed s = -1;
    unsigned u = 1;
    short int si = -2;
    unsigned short int usi = 2;
    long int li = -3;
    unsigned long int uli = 3;
    long long int lli = -4;
    unsigned long long int ulli = 4;
    signed char sc = -5;
    long unsigned lu = 5;
    int long il = 6;
    char unsigned cu = 7;
    printf("%d %u %d %u %ld %lu %lld %llu %d %lu %ld %d\n", s, u, si, usi, li, uli, lli, ulli, sc, lu, il, cu);
    printf("sizes: %zu %zu %zu %zu %zu %zu %zu %zu\n", sizeof s, sizeof u, sizeof si, sizeof usi, sizeof li,
           sizeof lli, sizeof sc, sizeof il);
    const volatile int cv = 8;
    static const long sl = 9;
    printf("%d %ld\n", cv, sl);
    int a, *pa = &a, arr[3], (*parr)[3] = &arr;
    a = 10;
    (*parr)[1] = 11;
    printf("%d %d\n", *pa, arr[1]);
    return 0;
}
