// printf with %f: default precision, explicit precision, rounding, flags and width.
#include <stdio.h>

int main(void)
{
    double values[] = { 0.0, 1.0, -1.5, 3.14159265358979, 2.5, 0.125, 1e10, -0.000123, 123456789.987654321 };
    int n = sizeof values / sizeof values[0];

    for (int i = 0; i < n; i++) {
        double v = values[i];
        printf("[%f] [%.2f] [%.0f] [%12.4f] [%-12.3f|] [%+f] [% .1f] [%012.3f] [%#.0f]\n",
               v, v, v, v, v, v, v, v, v);
    }
    /* round-half-even on exact binary halves, and values that are not exact halves */
    printf("%.0f %.0f %.0f %.0f %.0f\n", 0.5, 1.5, 2.5, 3.5, -2.5);
    printf("%.2f %.2f %.1f %.3f\n", 2.675, 1.005, 0.05, 1.0005);
    printf("%.20f\n", 0.1);
    printf("%f\n", 1e300 * 10);
    printf("%.3f\n", 1e-300);
    printf("%f %f\n", 100.0 / 3.0, -2.0 / 3.0);
    printf("%.15f\n", 1.0 / 7.0);
    printf("%.1f\n", -0.04);
    return 0;
}
