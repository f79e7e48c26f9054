// <math.h> results printed in full (%a shows every bit, %.17g round-trips): exp, log, pow, sin,
// cos and sqrt over values a program meets (angles, powers, growth rates), equal to glibc's.
#include <stdio.h>
#include <math.h>

int main(void)
{
    const double xs[] = { 0.1, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, M_PI / 6, M_PI / 4, M_PI / 3, M_PI, 10.0, 100.0, 1e-3, 12345.678, -0.75, -7.25 };
    int n = sizeof xs / sizeof xs[0];
    for (int i = 0; i < n; i++) {
        double x = xs[i];
        printf("x=%-12.6g exp=%-24a sin=%-24a cos=%a\n", x, exp(x), sin(x), cos(x));
        if (x > 0)
            printf("              log=%-24a sqrt=%-23a pow(x,1.7)=%a\n", log(x), sqrt(x), pow(x, 1.7));
    }
    for (int deg = 0; deg <= 360; deg += 15) {
        double r = deg * M_PI / 180.0;
        printf("%3d deg: sin %.17g cos %.17g\n", deg, sin(r), cos(r));
    }
    for (int k = -3; k <= 12; k += 3)
        printf("2^%d = %.17g, 10^(%d/4) = %.17g, e^%d = %.17g\n", k, pow(2, k), k, pow(10, k / 4.0), k, exp(k));
    double growth = 1.0;
    for (int year = 1; year <= 30; year++)
        growth *= 1.0 + 0.05 / 12 * 12;
    printf("1.05^30 by loop %.17g, by pow %.17g, by exp(30 log 1.05) %.17g\n", growth, pow(1.05, 30), exp(30 * log(1.05)));
    printf("big angles: %.17g %.17g %.17g\n", sin(1e6), cos(123456789.0), sin(1e22));
    return 0;
}
