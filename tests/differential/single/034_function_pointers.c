// Function pointers: assigning, calling, arrays of them, typedef'd, returned from functions.
#include <stdio.h>
#include <string.h>

typedef int (*operation)(int, int);

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int divide(int a, int b) { return b == 0 ? 0 : a / b; }

static operation lookup(char symbol)
{
    switch (symbol) {
    case '+': return add;
    case '-': return sub;
    case '*': return mul;
    case '/': return divide;
    }
    return NULL;
}

static void greet(void) { printf("hello from greet\n"); }
static void bye(void) { printf("goodbye from bye\n"); }

int main(void)
{
    int (*f)(int, int) = add;
    printf("f(2, 3) = %d, (*f)(2, 3) = %d\n", f(2, 3), (*f)(2, 3));
    f = &mul;
    printf("after f = &mul: %d\n", f(2, 3));

    operation table[] = { add, sub, mul, divide };
    const char *names[] = { "add", "sub", "mul", "div" };
    for (int i = 0; i < 4; i++)
        printf("%s(20, 6) = %d\n", names[i], table[i](20, 6));

    const char *expr = "7+3*2-4/2";
    int acc = expr[0] - '0';
    for (int i = 1; expr[i]; i += 2)
        acc = lookup(expr[i])(acc, expr[i + 1] - '0');
    printf("left-to-right %s = %d\n", expr, acc);
    printf("lookup('%%') is %s\n", lookup('%') == NULL ? "NULL" : "set");

    void (*actions[2])(void) = { greet, bye };
    for (int i = 1; i >= 0; i--)
        actions[i]();
    printf("add == table[0]: %d, add == sub: %d\n", add == table[0], add == sub);
    size_t (*len)(const char *) = strlen;
    printf("strlen through a pointer: %zu\n", len("function"));
    return 0;
}
