// Parsing strings with sscanf: dates, key=value pairs, hex and octal, scan sets, field widths,
// %n, and the return value when the input stops matching part way.
#include <stdio.h>
#include <string.h>

int main(void)
{
    int y, m, d;
    int r = sscanf("2024-02-29", "%d-%d-%d", &y, &m, &d);
    printf("date: %d fields: %04d/%02d/%02d\n", r, y, m, d);
    r = sscanf("2024/02/29", "%d-%d-%d", &y, &m, &d);
    printf("wrong separator: %d fields (year %d)\n", r, y);

    char key[16], value[32];
    const char *lines[] = { "name=Grace Hopper", "lang = COBOL", "empty=", "noequals" };
    for (int i = 0; i < 4; i++) {
        strcpy(value, "-");
        r = sscanf(lines[i], " %15[^= ] = %31[^\n]", key, value);
        printf("%-18s -> %d [%s] [%s]\n", lines[i], r, r > 0 ? key : "", r > 1 ? value : "");
    }

    unsigned hex;
    int oct, any1, any2, any3;
    r = sscanf("ff 0755 0x1F 017 42", "%x %o %i %i %i", &hex, &oct, &any1, &any2, &any3);
    printf("%d: hex %u octal %d, %%i gives %d %d %d\n", r, hex, oct, any1, any2, any3);

    char code[4], rest[16];
    int used;
    r = sscanf("ABCDEF123", "%3s%n%s", code, &used, rest);
    printf("%d: [%s] after %d chars, then [%s]\n", r, code, used, rest);

    double price;
    char currency[4];
    r = sscanf("  19.99EUR", "%lf%3s", &price, currency);
    printf("%d: %.2f %s\n", r, price, currency);

    float ratio;
    r = sscanf("1e+x", "%f%s", &ratio, rest);
    printf("\"1e+x\": %d conversion(s), %g, rest [%s]\n", r, ratio, rest);

    int a = -1, b = -1;
    r = sscanf("12 apples", "%d %d", &a, &b);
    printf("partial: %d (a=%d, b untouched: %d)\n", r, a, b);
    r = sscanf("", "%d", &a);
    printf("empty string: %d\n", r);
    r = sscanf("   ", "%d", &a);
    printf("only spaces: %d\n", r);
    r = sscanf("x", "%d", &a);
    printf("no digits: %d\n", r);
    r = sscanf("100%", "%d%%", &a);
    printf("percent: %d %d\n", r, a);

    char first[8], second[8];
    r = sscanf("a,b", "%[^,],%s", first, second);
    printf("%d: %s|%s\n", r, first, second);
    char letters[4];
    r = sscanf("xyz", "%c%c%c", &letters[0], &letters[1], &letters[2]);
    letters[3] = '\0';
    printf("%d: %s\n", r, letters);
    long big;
    short small;
    r = sscanf("9000000000 70000", "%ld %hd", &big, &small);
    printf("%d: %ld %d\n", r, big, small);
    return 0;
}
