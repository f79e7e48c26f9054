// float and double arithmetic: float rounds to 24 bits, double to 53.
#include <stdio.h>

int main(void)
{
    float f = 0.1f;
    double d = 0.1;
    printf("0.1f = %.10f, 0.1 = %.20f\n", f, d);

    float fsum = 0.0f;
    double dsum = 0.0;
    for (int i = 0; i < 10; i++) {
        fsum += 0.1f;
        dsum += 0.1;
    }
    printf("ten times 0.1: float %.10f, double %.17f\n", fsum, dsum);
    printf("double sum == 1.0: %s\n", dsum == 1.0 ? "yes" : "no");

    float third = 1.0f / 3.0f;
    double dthird = 1.0 / 3.0;
    printf("1/3: float %.12f, double %.17f\n", third, dthird);
    printf("float 1/3 times 3 = %.10f\n", third * 3.0f);

    float big = 16777216.0f;
    printf("16777216.0f + 1 = %.1f\n", big + 1.0f);
    double dbig = 9007199254740992.0;
    printf("2^53 + 1 = %.1f\n", dbig + 1.0);

    double x = 1.5, y = -2.25;
    printf("%g %g %g %g\n", x + y, x - y, x * y, x / y);
    float fx = 1.1f;
    double widened = fx;
    printf("1.1f widened to double = %.17f\n", widened);
    printf("mixed float * int: %.6f\n", fx * 3);
    float compound = 10.0f;
    compound /= 4;
    compound *= 1.5f;
    compound -= 0.75f;
    printf("compound = %f\n", compound);
    double acc = 1.0;
    for (int i = 0; i < 30; i++)
        acc *= 1.5;
    printf("1.5^30 = %.6f\n", acc);
    float tiny = 1e-30f;
    printf("1e-30f squared = %g\n", tiny * tiny);
    return 0;
}
