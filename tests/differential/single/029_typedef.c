// typedef for scalars, structs, pointers, arrays and function types.
#include <stdio.h>
#include <sys/types.h>

typedef unsigned long ulong;
typedef int grid[3][3];
typedef struct node {
    int value;
    struct node *next;
} node;
typedef node *node_ptr;
typedef int binary_op(int, int);
typedef const char *string;

static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }

static int apply(binary_op *op, int a, int b)
{
    return op(a, b);
}

int main(void)
{
    ulong big = 4000000000UL * 4;
    printf("ulong %lu, sizeof %zu\n", big, sizeof(ulong));

    grid g = { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } };
    int trace = 0;
    for (int i = 0; i < 3; i++)
        trace += g[i][i];
    printf("trace %d, sizeof(grid) %zu\n", trace, sizeof(grid));

    node c = { 3, NULL }, b = { 2, &c }, a = { 1, &b };
    for (node_ptr p = &a; p != NULL; p = p->next)
        printf("node %d\n", p->value);

    printf("apply add %d, mul %d\n", apply(add, 6, 7), apply(mul, 6, 7));
    string s = "typedef'd string";
    printf("%s\n", s);
    pid_t pid = 42;
    size_t size = sizeof(pid_t);
    ssize_t signed_size = -1;
    printf("pid_t %d (size %zu), ssize_t %zd\n", pid, size, signed_size);
    return 0;
}
