// The comma operator (evaluate left, yield right) and the conditional operator ?: (nesting,
// as an lvalue-producing choice of pointers, and its result type).
#include <stdio.h>

static int trace(const char *what, int v)
{
    printf("[%s]", what);
    return v;
}

int main(void)
{
    int a = (trace("first", 1), trace("second", 2), trace("third", 3));
    printf(" -> a = %d\n", a);
    int x = 0, y = 0;
    for (x = 0, y = 10; x < y; x += 3, y -= 3)
        ;
    printf("x %d y %d\n", x, y);

    for (int n = -2; n <= 2; n++) {
        const char *sign = n < 0 ? "negative" : n == 0 ? "zero" : "positive";
        printf("%d is %s\n", n, sign);
    }
    int p = 5, q = 9;
    int *bigger = p > q ? &p : &q;
    *bigger = 0;
    printf("p %d q %d\n", p, q);
    int chosen = trace("cond", 0) ? trace("then", 1) : trace("else", 2);
    printf(" -> %d\n", chosen);
    printf("1 ? 2 : 3.5 has type double: %f\n", 1 ? 2 : 3.5);
    unsigned u = 1;
    int neg = -1;
    printf("ternary mixing int and unsigned: %u\n", u ? neg : u);
    int comma_in_args = (x = 4, x * x);
    printf("comma in parentheses: %d\n", comma_in_args);
    return 0;
}
