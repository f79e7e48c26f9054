// Object-like and function-like macros, their classic pitfalls, multi-line macros and #undef.
#include <stdio.h>

#define SIZE 4
#define GREETING "hello, macros"
#define AREA SIZE * SIZE
#define BAD_SQUARE(x) x * x
#define SQUARE(x) ((x) * (x))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define SWAP(type, a, b) do { type tmp_ = (a); (a) = (b); (b) = tmp_; } while (0)
#define PRINT_INT(expr) printf("%s = %d\n", #expr, (expr))
#define SUM3(a, b, c) \
    ((a) +            \
     (b) +            \
     (c))
#define EMPTY
#define TWICE(f) f f

static int calls;
static int next(void) { return ++calls; }

int main(void)
{
    int grid[SIZE];
    printf("%s, SIZE %d, AREA %d, sizeof grid %zu\n", GREETING, SIZE, AREA, sizeof grid);
    printf("BAD_SQUARE(1 + 2) = %d, SQUARE(1 + 2) = %d\n", BAD_SQUARE(1 + 2), SQUARE(1 + 2));
    printf("100 / AREA = %d (expands to 100 / 4 * 4)\n", 100 / AREA);
    int m = MAX(next(), 0);
    printf("MAX(next(), 0) = %d, next() was called %d times\n", m, calls);
    int x = 1, y = 2;
    if (x < y)
        SWAP(int, x, y);
    else
        printf("not reached\n");
    printf("after SWAP: x %d y %d\n", x, y);
    PRINT_INT(SUM3(1, 2, 3) * 2);
    PRINT_INT(MAX(3, 7) - MAX(-1, -5));
    int EMPTY z = 7;
    TWICE(z++;)
    printf("z %d\n", z);
#undef SIZE
#define SIZE 10
    printf("SIZE redefined: %d\n", SIZE);
    printf("line %d\n", __LINE__);
    return 0;
}
