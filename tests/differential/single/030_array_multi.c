// Multi-dimensional arrays: row-major layout, passing them to functions, sizeof.
#include <stdio.h>

#define N 3

static void multiply(int a[N][N], int b[N][N], int out[N][N])
{
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            out[i][j] = 0;
            for (int k = 0; k < N; k++)
                out[i][j] += a[i][k] * b[k][j];
        }
}

static void print_matrix(const char *name, int (*m)[N])
{
    printf("%s:\n", name);
    for (int i = 0; i < N; i++)
        printf("  %4d %4d %4d\n", m[i][0], m[i][1], m[i][2]);
}

int main(void)
{
    int a[N][N] = { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } };
    int b[N][N] = { { 9, 8, 7 }, { 6, 5, 4 }, { 3, 2, 1 } };
    int c[N][N];
    multiply(a, b, c);
    print_matrix("a*b", c);

    int *flat = &a[0][0];
    printf("row-major:");
    for (int i = 0; i < N * N; i++)
        printf(" %d", flat[i]);
    printf("\n");

    char cube[2][3][4];
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 4; k++)
                cube[i][j][k] = (char)('a' + i * 12 + j * 4 + k);
    printf("cube[1][2][3] = %c, cube[0][1][0] = %c\n", cube[1][2][3], cube[0][1][0]);
    printf("sizeof cube %zu, cube[0] %zu, cube[0][0] %zu\n", sizeof cube, sizeof cube[0], sizeof cube[0][0]);

    char names[3][8] = { "fork", "exec", "wait" };
    for (int i = 0; i < 3; i++)
        printf("%s(%zu) ", names[i], sizeof names[i]);
    printf("\n");
    int (*row)[N] = a + 1;
    printf("(*(a + 1))[2] = %d, row[1][0] = %d\n", (*row)[2], row[1][0]);
    return 0;
}
