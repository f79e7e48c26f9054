// printf with %e and %g: exponents, precision, the # flag, and %g switching notation.
#include <stdio.h>

int main(void)
{
    double values[] = { 0.0, 1.0, -1.5, 123456.0, 1234567.0, 0.0001, 0.00001, 1e100, 6.02214076e23, -1.6e-19 };
    int n = sizeof values / sizeof values[0];

    for (int i = 0; i < n; i++) {
        double v = values[i];
        printf("[%e] [%.2e] [%E] [%12.3e] [%g] [%G] [%.3g] [%#g] [%-10g|] [%+.10g]\n",
               v, v, v, v, v, v, v, v, v, v);
    }
    printf("%g %g %g %g\n", 100000.0, 1000000.0, 0.5, 1.0 / 3.0);
    printf("%.0e %#.0e %.0g %#.0g\n", 5.5, 5.5, 5.5, 5.5);
    printf("%g %g\n", 1e-5, 123.456e-10);
    printf("%e\n", 1e-310);
    printf("%010.2e|%-12.1E|\n", 314.159, -0.000271828);
    return 0;
}
