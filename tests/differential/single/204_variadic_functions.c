// A student's own variadic functions with <stdarg.h>: a count-first sum, a sentinel-terminated
// maximum, an average of doubles, a mixed list driven by a format, and va_copy.
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

static int sum(int count, ...)
{
    va_list ap;
    va_start(ap, count);
    int total = 0;
    for (int i = 0; i < count; i++)
        total += va_arg(ap, int);
    va_end(ap);
    return total;
}

static int max_of(int first, ...)
{
    va_list ap;
    va_start(ap, first);
    int best = first;
    for (int v = va_arg(ap, int); v >= 0; v = va_arg(ap, int))
        if (v > best)
            best = v;
    va_end(ap);
    return best;
}

static double average(int count, ...)
{
    va_list ap;
    va_start(ap, count);
    double total = 0;
    for (int i = 0; i < count; i++)
        total += va_arg(ap, double);
    va_end(ap);
    return count ? total / count : 0;
}

struct pair {
    int a;
    long b;
};

/* 'i' int, 'l' long, 'd' double, 's' string, 'c' char (passed as int), 'p' struct pair */
static void describe(const char *kinds, ...)
{
    va_list ap, again;
    va_start(ap, kinds);
    va_copy(again, ap);
    for (const char *k = kinds; *k; k++) {
        switch (*k) {
        case 'i': printf("int %d; ", va_arg(ap, int)); break;
        case 'l': printf("long %ld; ", va_arg(ap, long)); break;
        case 'd': printf("double %g; ", va_arg(ap, double)); break;
        case 's': printf("string \"%s\"; ", va_arg(ap, char *)); break;
        case 'c': printf("char '%c'; ", va_arg(ap, int)); break;
        case 'p': {
            struct pair p = va_arg(ap, struct pair);
            printf("pair {%d, %ld}; ", p.a, p.b);
            break;
        }
        }
    }
    va_end(ap);
    if (kinds[0] == 'i')
        printf("(first again: %d)", va_arg(again, int));
    va_end(again);
    printf("\n");
}

int main(void)
{
    printf("%d %d %d\n", sum(0), sum(1, 41), sum(5, 1, 2, 3, 4, 5));
    printf("%d %d\n", max_of(3, 9, 4, -1), max_of(12, -1));
    printf("%.3f %.3f\n", average(3, 1.5, 2.5, 4.0), average(0));
    char c = 'Z';
    float f = 2.5f;
    short s = -7;
    struct pair p = { 6, 7000000000L };
    describe("ilds", 42, 1L << 40, 0.125, "text");
    describe("cdi", c, f, s);
    describe("pip", p, 5, (struct pair){ -1, -2 });
    return 0;
}
