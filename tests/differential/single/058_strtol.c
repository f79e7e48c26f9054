// strtol: bases 2 to 36, base 0 (auto-detect 0x and 0), and where endptr stops.
#include <stdio.h>
#include <stdlib.h>

static void parse(const char *text, int base)
{
    char *end;
    long v = strtol(text, &end, base);
    printf("strtol(\"%s\", %d) = %ld, stopped at offset %ld (\"%s\")\n", text, base, v, (long)(end - text), end);
}

int main(void)
{
    parse("12345", 10);
    parse("  -42xyz", 10);
    parse("ff", 16);
    parse("0xFF", 16);
    parse("0x1A", 0);
    parse("0755", 0);
    parse("0755", 10);
    parse("99", 0);
    parse("1011", 2);
    parse("1012", 2);
    parse("777", 8);
    parse("z", 36);
    parse("Forklab", 36);
    parse("hello", 10);
    parse("", 10);
    parse("0x", 16);
    parse("   +7 ", 10);
    parse("-0", 10);

    long total = 0;
    const char *list = "10 20 -5 0x10 end";
    const char *p = list;
    char *end;
    for (;;) {
        long v = strtol(p, &end, 0);
        if (end == p)
            break;
        total += v;
        p = end;
    }
    printf("sum of \"%s\" = %ld, rest \"%s\"\n", list, total, p);
    printf("NULL endptr: %ld\n", strtol("123", NULL, 10));
    return 0;
}
