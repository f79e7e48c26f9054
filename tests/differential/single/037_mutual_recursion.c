// Mutual recursion: is_even / is_odd, Hofstadter's female and male sequences, and a tiny
// recursive-descent calculator whose functions call each other.
#include <stdio.h>

static int is_odd(unsigned n);

static int is_even(unsigned n)
{
    return n == 0 ? 1 : is_odd(n - 1);
}

static int is_odd(unsigned n)
{
    return n == 0 ? 0 : is_even(n - 1);
}

static int male(int n);

static int female(int n)
{
    return n == 0 ? 1 : n - male(female(n - 1));
}

static int male(int n)
{
    return n == 0 ? 0 : n - female(male(n - 1));
}

static const char *cursor;
static int expression(void);

static int factor(void)
{
    if (*cursor == '(') {
        cursor++;
        int v = expression();
        cursor++; /* ')' */
        return v;
    }
    int v = 0;
    while (*cursor >= '0' && *cursor <= '9')
        v = v * 10 + (*cursor++ - '0');
    return v;
}

static int term(void)
{
    int v = factor();
    while (*cursor == '*' || *cursor == '/') {
        char op = *cursor++;
        int rhs = factor();
        v = op == '*' ? v * rhs : v / rhs;
    }
    return v;
}

static int expression(void)
{
    int v = term();
    while (*cursor == '+' || *cursor == '-') {
        char op = *cursor++;
        int rhs = term();
        v = op == '+' ? v + rhs : v - rhs;
    }
    return v;
}

static int evaluate(const char *text)
{
    cursor = text;
    return expression();
}

int main(void)
{
    printf("is_even(10) %d, is_odd(7) %d, is_even(1001) %d\n", is_even(10), is_odd(7), is_even(1001));
    printf("F:");
    for (int i = 0; i < 15; i++)
        printf(" %d", female(i));
    printf("\nM:");
    for (int i = 0; i < 15; i++)
        printf(" %d", male(i));
    printf("\n");
    const char *exprs[] = { "1+2*3", "(1+2)*3", "100/(2+3)-4", "2*(3+(4-1))*5" };
    for (int i = 0; i < 4; i++)
        printf("%s = %d\n", exprs[i], evaluate(exprs[i]));
    return 0;
}
