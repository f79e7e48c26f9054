// sscanf's corner cases, each with its return value and what it stored: whitespace directives,
// %i prefixes, field widths, suppression, %n, scan sets, %c, floats ("1e+x", inf, nan, hex),
// float rounding, and the push-back of the character after a field.
#include <stdio.h>
#include <string.h>

static void show_i(const char *in, const char *fmt) {
    int a = -7, b = -7, c = -7; char s1[32] = "?", s2[32] = "?"; int n = -1;
    int r = sscanf(in, fmt, &a, &b, &c);
    printf("[%s] [%s] -> %d: %d %d %d\n", in, fmt, r, a, b, c);
    (void)s1; (void)s2; (void)n;
}
static void show_s(const char *in, const char *fmt) {
    char s1[32], s2[32], s3[32]; memset(s1, 'Q', 32); memset(s2, 'Q', 32); memset(s3, 'Q', 32);
    s1[31] = s2[31] = s3[31] = 0;
    int r = sscanf(in, fmt, s1, s2, s3);
    printf("[%s] [%s] -> %d: <%s> <%s> <%s>\n", in, fmt, r, s1, s2, s3);
}
static void show_f(const char *in, const char *fmt) {
    double d = -1, e = -1; int n = -1;
    int r = sscanf(in, fmt, &d, &n, &e);
    printf("[%s] [%s] -> %d: %.17g %d %.17g\n", in, fmt, r, d, n, e);
}
static void show_ff(const char *in) {
    float f = -1; int n = -1;
    int r = sscanf(in, "%f%n", &f, &n);
    printf("[%s] %%f -> %d: %.9g %a %d\n", in, r, f, f, n);
}
static void show_mix(const char *in, const char *fmt) {
    int a = -7; char ch = '?'; char s[32] = "?"; int n = -1; long l = -7; short h = -7; unsigned u = 7; void *p = (void *)1;
    int r = sscanf(in, fmt, &a, &ch, s, &n, &l, &h, &u, &p);
    printf("[%s] [%s] -> %d: a=%d ch=%d s=<%s> n=%d l=%ld h=%d u=%u p=%p\n", in, fmt, r, a, ch, s, n, l, h, u, p);
}
int main(void) {
    show_i("12 34 56", "%d %d %d");
    show_i("12,34", "%d,%d");
    show_i("12 ,34", "%d ,%d");
    show_i("12 , 34", "%d,%d");
    show_i("", "%d");
    show_i("   ", "%d");
    show_i("abc", "%d");
    show_i("-", "%d");
    show_i("+5 -6", "%d%d");
    show_i("0x1A 017 10", "%i %i %i");
    show_i("0x1A 017 10", "%x %o %u");
    show_i("0xg", "%x%d");
    show_i("0x", "%i");
    show_i("-0x10", "%i");
    show_i("99999999999 -99999999999", "%d %d");
    show_i("12345", "%3d%d");
    show_i("1 2", "%d%*d%d");
    show_i("7", "%d %d");
    show_i("7 x", "%d %d");
    show_i("%5", "%%%d");
    show_i(" % 5", "%%%d");
    show_i("5%", "%d%%");
    show_i("-1", "%u");
    show_i("4294967296", "%u");
    show_i("12abc", "%d%n");
    show_i("08", "%i%d");
    show_i("1 2 3", "%2$d %1$d");
    show_s("hello world  foo", "%s %s %s");
    show_s("hello", "%3s%s");
    show_s("abc123def", "%[a-z]%[0-9]%s");
    show_s("abc123def", "%[^0-9]%*[0-9]%s");
    show_s("]abc-x", "%[]a-c]%[-x]");
    show_s("  leading", "%[a-z]");
    show_s("  leading", " %[a-z]");
    show_s("xyz", "%2c%c");
    show_s("a b", "%c%c%c");
    show_s("a b", "%c %c");
    show_s("", "%s");
    show_s("name: Ada Lovelace\n", "name: %s %s");
    show_s("key=value", "%[^=]=%s");
    show_f("3.25 7", "%lf%n%lf");
    show_f("1e5", "%lf");
    show_f("1e+x", "%lf%n");
    show_f("1e", "%lf%n");
    show_f(".5", "%lf");
    show_f(".", "%lf");
    show_f("-.e3", "%lf");
    show_f("inf", "%lf");
    show_f("-Infinity", "%lf%n");
    show_f("infinite", "%lf%n");
    show_f("nan", "%lf");
    show_f("nanx", "%lf%n");
    show_f("0x1p4", "%lf");
    show_f("0x1.8", "%lf");
    show_f("1.5.5", "%lf%n%lf");
    show_f("123.456e-2xyz", "%lf%n");
    show_f("12345.678", "%4lf%n%lf");
    show_f("+", "%lf");
    show_ff("0.1");
    show_ff("3.14159265358979");
    show_ff("16777217");
    show_ff("1e40");
    show_ff("1e-50");
    show_ff("0.500000059604644775390625");
    show_ff("0.50000005960464477539062501");
    show_mix("42 z word 99 -3 17 0x7f", "%d %c %s%n %ld %hd %u %p");
    show_mix("(nil)", "%8$p");
    show_mix("1", "%d %c");
    show_mix("5 ", "%d %c");
    show_mix("  9", " %d");
    show_mix("3:x", "%d:%c");
    show_mix("3: x", "%d:%c");
    show_mix("3: x", "%d: %c");
    show_mix("  12  ", "%d ");
    show_mix("ab", "a%c");
    show_mix("ab", "a %c");
    show_mix("a", "a%c");
    show_mix("300", "%hhd");
    return 0;
}
