// Converting numbers to strings in any base by hand, and back with strtol, round trip checked.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *to_base(unsigned long v, int base, char *out)
{
    const char *digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    char tmp[72];
    int n = 0;
    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while (v);
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
    return out;
}

int main(void)
{
    unsigned long values[] = { 0, 7, 255, 1000, 65535, 4294967296UL, 9223372036854775807UL };
    int bases[] = { 2, 8, 16, 36 };
    char buf[72];
    for (int i = 0; i < 7; i++) {
        printf("%lu:", values[i]);
        for (int b = 0; b < 4; b++) {
            to_base(values[i], bases[b], buf);
            long back = strtol(buf, NULL, bases[b]);
            printf(" [%d] %s%s", bases[b], buf, (unsigned long)back == values[i] ? "" : " (mismatch)");
        }
        printf("\n");
    }
    printf("%s\n", to_base(18446744073709551615UL, 16, buf));
    to_base(1UL << 40, 2, buf);
    printf("%s has %zu binary digits\n", buf, strlen(buf));
    return 0;
}
