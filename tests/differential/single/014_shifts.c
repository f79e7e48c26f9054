// Shifts at every width: left shifts, logical right shift of unsigned values, arithmetic
// right shift of negative values (what gcc does), and shifting after promotion.
#include <stdio.h>

int main(void)
{
    unsigned int one = 1;
    for (int n = 0; n < 32; n += 7)
        printf("1u << %d = %u\n", n, one << n);
    printf("1u << 31 = %u\n", one << 31);
    printf("1UL << 63 = %lu\n", 1UL << 63);
    printf("1L << 40 = %ld\n", 1L << 40);

    int neg = -100;
    printf("-100 >> 1 = %d, -100 >> 3 = %d, -1 >> 31 = %d\n", neg >> 1, neg >> 3, -1 >> 31);
    long lneg = -1000000000000L;
    printf("-1000000000000 >> 20 = %ld\n", lneg >> 20);
    unsigned int u = 0x80000000u;
    printf("0x80000000u >> 4 = 0x%x\n", u >> 4);
    printf("(int)0x80000000u >> 4 = %d\n", (int)u >> 4);

    unsigned char b = 0xF0;
    printf("(unsigned char)0xF0 << 4 = %d (promoted to int)\n", b << 4);
    unsigned char stored = b << 4;
    printf("stored back into unsigned char = %d\n", stored);

    signed char sc = -16;
    printf("(signed char)-16 >> 2 = %d\n", sc >> 2);
    unsigned short us = 0xABCD;
    printf("0xABCD >> 8 = 0x%X, 0xABCD << 8 = 0x%X\n", us >> 8, us << 8);

    int n = 35;
    unsigned long mask = (1UL << (n % 64)) - 1;
    printf("mask of %d bits = 0x%lx\n", n, mask);
    printf("rotate 0x12345678 left by 8 = 0x%08x\n", (0x12345678u << 8) | (0x12345678u >> 24));
    return 0;
}
