// A sieve of Eratosthenes in a bit array (unsigned char bytes, shifts and masks).
#include <stdio.h>
#include <string.h>

#define LIMIT 200

static unsigned char composite[LIMIT / 8 + 1];

static void set_bit(int n) { composite[n >> 3] |= (unsigned char)(1u << (n & 7)); }
static int get_bit(int n) { return (composite[n >> 3] >> (n & 7)) & 1; }

static int popcount(unsigned v)
{
    int count = 0;
    while (v) {
        v &= v - 1;
        count++;
    }
    return count;
}

int main(void)
{
    memset(composite, 0, sizeof composite);
    set_bit(0);
    set_bit(1);
    for (int i = 2; i * i < LIMIT; i++)
        if (!get_bit(i))
            for (int j = i * i; j < LIMIT; j += i)
                set_bit(j);
    int count = 0;
    for (int i = 0; i < LIMIT; i++)
        if (!get_bit(i)) {
            printf("%d%c", i, ++count % 10 == 0 ? '\n' : ' ');
        }
    printf("\n%d primes below %d\n", count, LIMIT);
    printf("first bytes: %02x %02x %02x\n", composite[0], composite[1], composite[2]);
    unsigned samples[] = { 0, 1, 255, 0x80000000u, 0xFFFFFFFFu, 0xA5A5A5A5u };
    for (int i = 0; i < 6; i++)
        printf("popcount(0x%x) = %d\n", samples[i], popcount(samples[i]));
    unsigned x = 0xB4;
    printf("lowest set bit of 0x%x: 0x%x, cleared: 0x%x, is power of two: %d\n", x, x & -x, x & (x - 1),
           (x & (x - 1)) == 0);
    return 0;
}
