// sprintf and snprintf: return values, truncation (always NUL-terminated), size 0 to measure.
#include <stdio.h>
#include <string.h>

/* The truncating calls go through these helpers, so gcc does not warn about the truncation
   that this program means to show. */
static int put_text(char *buf, size_t size, const char *text)
{
    return snprintf(buf, size, "%s", text);
}

static int put_number(char *buf, size_t size, int n)
{
    return snprintf(buf, size, "%d", n);
}

int main(void)
{
    char buf[64];
    int n = sprintf(buf, "%s-%d-%c-%.2f", "pid", 42, 'Z', 3.14159);
    printf("sprintf wrote \"%s\", returned %d, strlen %zu\n", buf, n, strlen(buf));

    char small[8];
    n = put_text(small, sizeof small, "truncated text");
    printf("snprintf into 8: \"%s\", returned %d (the full length)\n", small, n);
    n = put_number(small, sizeof small, 1234567);
    printf("exact fit: \"%s\", returned %d\n", small, n);
    n = put_number(small, sizeof small, 12345678);
    printf("one too many: \"%s\", returned %d\n", small, n);
    n = snprintf(NULL, 0, "%d apples and %d pears", 12, 345);
    printf("measured length %d\n", n);
    memset(small, 'X', sizeof small);
    n = put_text(small, 1, "abc");
    printf("size 1 gives an empty string: \"%s\", returned %d\n", small, n);

    char line[128];
    int pos = 0;
    for (int i = 1; i <= 5; i++)
        pos += sprintf(line + pos, "%d^2=%d ", i, i * i);
    printf("built: %s(length %d)\n", line, pos);
    char fmt[16];
    sprintf(fmt, "[%%%ds]", 8);
    printf("generated format %s -> ", fmt);
    printf(fmt, "right");
    printf("\n");
    char number[32];
    snprintf(number, sizeof number, "%08.3f|%-6x|%+ld", -3.5, 255u, 77L);
    printf("%s\n", number);
    return 0;
}
