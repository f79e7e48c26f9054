// Infinities, NaN and negative zero as glibc prints them (0.0 / 0.0 on x86-64 is "-nan").
#include <stdio.h>

int main(void)
{
    double zero = 0.0;
    double inf = 1.0 / zero;
    double ninf = -1.0 / zero;
    double nan = zero / zero;
    double negzero = -zero;

    printf("%f %f %e %g\n", inf, ninf, inf, ninf);
    printf("[%10f] [%-10f|] [%+f]\n", inf, inf, inf);
    printf("0/0 = %f, -(0/0) = %f\n", nan, -nan);
    printf("nan == nan: %d, nan != nan: %d\n", nan == nan, nan != nan);
    printf("inf > 1e308: %d, inf - inf = %f\n", inf > 1e308, -(inf - inf));
    printf("-0.0 = %f, %g, %e\n", negzero, negzero, negzero);
    printf("-0.0 == 0.0: %d\n", negzero == 0.0);
    printf("1 / -0.0 = %f\n", 1.0 / negzero);
    float fbig = 3e38f;
    float overflow = fbig * 10.0f;
    printf("3e38f * 10 = %f\n", overflow);
    double dmax = 1.7976931348623157e308;
    printf("DBL_MAX * 2 = %g\n", dmax * 2);
    printf("min subnormal = %g\n", 4.9406564584124654e-324);
    return 0;
}
