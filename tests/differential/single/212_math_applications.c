// Typical uses of <math.h> in exercises: distances between points, the roots of quadratic
// equations, compound interest, Newton's method against sqrt, and a table of sines.
#include <stdio.h>
#include <math.h>

struct point {
    double x, y;
};

static double distance(struct point a, struct point b)
{
    return sqrt(pow(b.x - a.x, 2) + pow(b.y - a.y, 2));
}

static int solve(double a, double b, double c, double *r1, double *r2)
{
    double d = b * b - 4 * a * c;
    if (d < 0)
        return 0;
    *r1 = (-b + sqrt(d)) / (2 * a);
    *r2 = (-b - sqrt(d)) / (2 * a);
    return d == 0 ? 1 : 2;
}

static double newton_sqrt(double v)
{
    double x = v > 1 ? v / 2 : 1;
    for (int i = 0; i < 30; i++)
        x = (x + v / x) / 2;
    return x;
}

int main(void)
{
    struct point p[] = { { 0, 0 }, { 3, 4 }, { -1.5, 2.25 }, { 10, -10 } };
    for (int i = 1; i < 4; i++)
        printf("distance p0-p%d: %.10f\n", i, distance(p[0], p[i]));
    double coefficients[][3] = { { 1, -3, 2 }, { 1, 2, 1 }, { 2, 1, 5 }, { 0.5, -1.25, -3 } };
    for (int i = 0; i < 4; i++) {
        double r1, r2;
        int n = solve(coefficients[i][0], coefficients[i][1], coefficients[i][2], &r1, &r2);
        if (n == 0)
            printf("equation %d: no real root\n", i);
        else
            printf("equation %d: %d root(s): %.6f %.6f\n", i, n, r1, r2);
    }
    double balance = 1000;
    for (int year = 0; year <= 20; year += 5)
        printf("year %2d: %10.2f (formula %10.2f)\n", year, balance * pow(1.035, year), balance * exp(year * log(1.035)));
    for (int v = 2; v <= 50; v += 12)
        printf("sqrt(%d): newton %.15f library %.15f same %s\n", v, newton_sqrt(v), sqrt(v), newton_sqrt(v) == sqrt(v) ? "yes" : "no");
    printf(" angle    sin     cos     tan\n");
    for (int d = 0; d < 90; d += 10) {
        double r = d * M_PI / 180;
        printf("%5d %7.4f %7.4f %7.4f\n", d, sin(r), cos(r), sin(r) / cos(r));
    }
    printf("ceil of 7 / 2 pages: %.0f, log base 2 of 1024: %.1f\n", ceil(7 / 2.0), log(1024) / log(2));
    return 0;
}
