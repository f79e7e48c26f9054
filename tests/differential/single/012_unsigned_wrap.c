// Unsigned arithmetic wraps modulo 2^N at every width.
#include <stdio.h>
#include <limits.h>

int main(void)
{
    unsigned int ui = UINT_MAX;
    ui = ui + 1;
    printf("UINT_MAX + 1 = %u\n", ui);
    ui = 0;
    ui = ui - 1;
    printf("0u - 1 = %u\n", ui);

    unsigned short us = 65535;
    us++;
    printf("65535 + 1 as unsigned short = %u\n", us);
    us = 0;
    us--;
    printf("0 - 1 as unsigned short = %u\n", us);

    unsigned long ul = ULONG_MAX;
    ul += 2;
    printf("ULONG_MAX + 2 = %lu\n", ul);

    unsigned int big = 4000000000u;
    printf("4000000000u * 2 = %u\n", big * 2);
    printf("4000000000u + 500000000u = %u\n", big + 500000000u);

    unsigned int a = 3, b = 5;
    printf("3u - 5u = %u\n", a - b);
    printf("(int)(3u - 5u) = %d\n", (int)(a - b));
    printf("3u - 5u > 0: %s\n", a - b > 0 ? "true" : "false");

    unsigned int h = 2166136261u;
    const char *text = "forklab";
    for (const char *p = text; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    printf("FNV-1a of \"%s\" = %u (0x%08x)\n", text, h, h);
    return 0;
}
