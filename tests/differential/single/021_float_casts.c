// Casts between floating point and integers: truncation toward zero, and rounding into float.
#include <stdio.h>

static int round_half_away(double x)
{
    return x < 0 ? (int)(x - 0.5) : (int)(x + 0.5);
}

int main(void)
{
    double values[] = { 2.7, -2.7, 0.5, -0.5, 1e9, 2147483647.0, -2147483648.0, 123.999999 };
    int n = sizeof values / sizeof values[0];
    for (int i = 0; i < n; i++)
        printf("%f -> (int) %d, (long) %ld, rounded %d\n", values[i], (int)values[i], (long)values[i],
               round_half_away(values[i]));

    printf("(char)65.9 = %c\n", (char)65.9);
    printf("(unsigned char)255.9 = %d\n", (unsigned char)255.9);
    printf("(unsigned)3e9 = %u\n", (unsigned)3e9);
    printf("(long)1e18 = %ld\n", (long)1e18);
    printf("(unsigned long)1.8e19 = %lu\n", (unsigned long)1.8e19);

    int i = 7, j = 2;
    printf("7 / 2 = %d, (double)7 / 2 = %f, (double)(7 / 2) = %f\n", i / j, (double)i / j, (double)(i / j));

    float f = (float)123456789;
    printf("(float)123456789 = %.1f\n", f);
    float g = 0.1f + 0.2f;
    double h = 0.1 + 0.2;
    printf("0.1f + 0.2f = %.9f, 0.1 + 0.2 = %.17f\n", g, h);
    printf("(float)(0.1 + 0.2) == 0.3f: %s\n", (float)h == 0.3f ? "yes" : "no");
    printf("0.1 + 0.2 == 0.3: %s\n", h == 0.3 ? "yes" : "no");
    long long ll = 1LL << 62;
    printf("(double)(1LL << 62) = %.1f\n", (double)ll);
    unsigned long ul = 18446744073709551615UL;
    printf("(double)ULONG_MAX = %.1f\n", (double)ul);
    printf("(float)ULONG_MAX = %.1f\n", (float)ul);
    int neg = -3;
    printf("(double)-3 / 2 = %.2f\n", (double)neg / 2);
    return 0;
}
