// printf corner cases: precision 0 with value 0, precision beating the 0 flag, - beating 0,
// + and space on unsigned conversions. These formats are legal C, but gcc -Wall warns about
// the ignored flags in a literal format, so they are kept in a table.
#include <stdio.h>

static const char *const int_formats[] = {
    "[%08.3d]", "[%-08d|]", "[%0-8d|]", "[%08.0d]", "[%+ d]", "[% +d]", "[%-+5d|]", "[%- 5d|]",
};
static const char *const unsigned_formats[] = { "[%+u]", "[% u]", "[%+x]", "[% o]" };

int main(void)
{
    printf("[%.0d] [%.0i] [%.0u] [%5.0d] [%+.0d] [% .0d] [%.0x]\n", 0, 0, 0u, 0, 0, 0, 0u);
    for (unsigned i = 0; i < sizeof int_formats / sizeof int_formats[0]; i++) {
        printf(int_formats[i], 42);
        printf(int_formats[i], 0);
        printf(int_formats[i], -7);
        putchar('\n');
    }
    for (unsigned i = 0; i < sizeof unsigned_formats / sizeof unsigned_formats[0]; i++) {
        printf(unsigned_formats[i], 5u);
        putchar('\n');
    }
    printf("[%#x] [%#X] [%#o]\n", 0u, 0u, 0u);
    printf("[%.10d] [%+.10d]\n", -123, 123);
    printf("%s%s%s\n", "con", "cat", "enated");
    printf("%d %d %d %d %d %d %d %d %d %d\n", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    printf("%f %d %f %d %s %f\n", 1.5, 2, 3.5, 4, "five", 6.5);
    return 0;
}
