// Integer promotions: arithmetic on char and short happens in int.
#include <stdio.h>

int main(void)
{
    unsigned char a = 200, b = 100;
    printf("(unsigned char)200 + (unsigned char)100 = %d\n", a + b);
    unsigned char sum = a + b;
    printf("stored in an unsigned char: %d\n", sum);
    printf("sizeof(a + b) = %d\n", (int)sizeof(a + b));

    unsigned char x = 0;
    printf("~(unsigned char)0 = %d\n", ~x);
    printf("(unsigned char)~x = %d\n", (unsigned char)~x);

    /* Both operands become int, and 65535 * 65535 overflows int: undefined in ISO C, but gcc -O0
       (and the lab) wrap at 32 bits, so the cast back to unsigned shows the full product. */
    unsigned short p = 65535, q = 65535;
    printf("65535 * 65535 as unsigned short operands: %u\n", (unsigned)(p * q));

    char c1 = 100, c2 = 100;
    printf("(char)100 + (char)100 = %d\n", c1 + c2);
    char c3 = c1 + c2;
    printf("stored in a char: %d\n", c3);

    unsigned char small = 1;
    printf("-small = %d\n", -small);
    printf("small - 2 = %d\n", small - 2);
    unsigned int one = 1;
    printf("one - 2 = %u\n", one - 2);

    short sh = -1;
    unsigned short ush = 1;
    printf("(short)-1 < (unsigned short)1: %s\n", sh < ush ? "true" : "false");
    printf("'A' has size %d (a char constant is an int)\n", (int)sizeof('A'));
    char ch = 'A';
    printf("sizeof ch = %d, sizeof +ch = %d\n", (int)sizeof ch, (int)sizeof +ch);
    _Bool flag = 1;
    printf("flag + flag = %d\n", flag + flag);
    return 0;
}
