// <math.h> at the edges: NaN and infinity (printed as glibc prints them), the sign of zero,
// errno after a domain or range error, the classification macros, and the rounding functions.
// The arguments are variables: gcc computes some calls with constant arguments itself at
// compile time (pow(2, 1024) becomes inf without errno), which is not what this shows.
#include <stdio.h>
#include <math.h>
#include <errno.h>
#include <string.h>

static void report(const char *what, double v)
{
    printf("%-16s = %-12g errno %-6s", what, v, errno == 0 ? "0" : errno == EDOM ? "EDOM" : errno == ERANGE ? "ERANGE" : "?");
    printf(" isnan %d isinf %2d isfinite %d signbit %d\n", isnan(v) ? 1 : 0, isinf(v), isfinite(v) ? 1 : 0, signbit(v) ? 1 : 0);
    errno = 0;
}

int main(void)
{
    double zero = 0.0, one = 1.0, minus = -1.0, big = 1000.0, two = 2.0, nan = NAN, inf = INFINITY;
    errno = 0;
    report("sqrt(-1)", sqrt(minus));
    report("sqrt(-0.0)", sqrt(-zero));
    report("log(0)", log(zero));
    report("log(-1)", log(minus));
    report("exp(1000)", exp(big));
    report("exp(-1000)", exp(-big));
    report("pow(0, -1)", pow(zero, minus));
    report("pow(-8, 1.0/3)", pow(-8 * one, one / 3));
    report("pow(-2, 3)", pow(-two, 3 * one));
    report("pow(2, 1024)", pow(two, big + 24));
    report("pow(NAN, 0)", pow(nan, zero));
    report("fmod(5, 0)", fmod(5 * one, zero));
    report("sin(INFINITY)", sin(inf));
    report("cos(-0.0)", cos(-zero));
    report("-NAN", -NAN);
    report("HUGE_VAL", HUGE_VAL);
    report("-INFINITY", -INFINITY);
    printf("fpclassify: %d %d %d %d %d\n", fpclassify(NAN), fpclassify(INFINITY), fpclassify(0.0), fpclassify(1e-310), fpclassify(1.0));
    double values[] = { 2.5, -2.5, 3.5, -0.5, 0.49999999999999994, 7.999999, -7.000001 };
    for (int i = 0; i < 7; i++) {
        double v = values[i];
        printf("%-20.17g floor %-4g ceil %-4g round %-4g trunc %-4g fmod(v,2) %g fabs %g\n", v, floor(v), ceil(v), round(v), trunc(v), fmod(v, 2), fabs(v));
    }
    printf("fmin/fmax: %g %g %g %g\n", fmin(1, 2), fmax(1, 2), fmin(NAN, 3), fmax(-0.0, 0.0));
    printf("floats: %f %f %f %f\n", sqrtf(2.0f), floorf(-1.5f), roundf(2.5f), fmodf(7.5f, 2.0f));
    return 0;
}
