// Conversions between integer widths and signedness (truncation, sign extension, reinterpretation).
#include <stdio.h>

int main(void)
{
    int big = 300;
    char c = big;
    int seventy_thousand = 70000;
    short s = seventy_thousand;
    unsigned short us = -1;
    printf("(char)300 = %d, (short)70000 = %d, (unsigned short)-1 = %u\n", c, s, us);

    long l = 0x123456789L;
    int i = (int)l;
    printf("(int)0x123456789 = %d (0x%x)\n", i, i);

    unsigned int u = 3000000000u;
    printf("(int)3000000000u = %d\n", (int)u);
    printf("(long)3000000000u = %ld (zero-extended)\n", (long)u);
    int neg = -5;
    printf("(unsigned)-5 = %u\n", (unsigned)neg);
    printf("(unsigned long)-5 = %lu (sign-extended first)\n", (unsigned long)neg);
    printf("(long)(unsigned)-5 = %ld\n", (long)(unsigned)neg);

    signed char sc = -1;
    unsigned int from_sc = sc;
    printf("signed char -1 to unsigned int = %u\n", from_sc);
    unsigned char uc = 255;
    int from_uc = uc;
    printf("unsigned char 255 to int = %d\n", from_uc);

    long long ll = -1;
    unsigned char low = ll;
    printf("low byte of -1LL = %d\n", low);

    printf("-1 < 1u: %s\n", -1 < 1u ? "true" : "false (the -1 became UINT_MAX)");
    printf("-1 < 1L: %s\n", -1 < 1L ? "true" : "false");
    printf("-1L < 1u: %s\n", -1L < 1u ? "true (1u became long)" : "false");
    printf("(short)-1 == (unsigned short)65535: %s\n", (short)-1 == (unsigned short)65535 ? "true" : "false");

    double d = 3.99;
    int t = d;
    printf("int from 3.99 = %d, from -3.99 = %d\n", t, (int)-3.99);
    printf("double from 9007199254740993L = %.1f\n", (double)9007199254740993L);
    float f = 16777217;
    printf("float from 16777217 = %.1f\n", f);
    return 0;
}
