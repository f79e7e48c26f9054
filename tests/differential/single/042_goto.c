// goto: leaving nested loops, a cleanup path, and a backward jump making a loop.
#include <stdio.h>
#include <stdlib.h>

static int find(int grid[3][4], int target, int *row, int *col)
{
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 4; j++)
            if (grid[i][j] == target) {
                *row = i;
                *col = j;
                goto found;
            }
    return 0;
found:
    return 1;
}

static int setup(int fail_at)
{
    int *a = NULL, *b = NULL, *c = NULL;
    int result = -1;
    a = malloc(16);
    if (fail_at == 1)
        goto out;
    b = malloc(16);
    if (fail_at == 2)
        goto free_b;
    c = malloc(16);
    if (fail_at == 3)
        goto free_c;
    result = 0;
    printf("setup %d: all three allocated\n", fail_at);
free_c:
    free(c);
free_b:
    free(b);
out:
    free(a);
    printf("setup %d: cleaned up, result %d\n", fail_at, result);
    return result;
}

int main(void)
{
    int grid[3][4] = { { 1, 2, 3, 4 }, { 5, 6, 7, 8 }, { 9, 10, 11, 12 } };
    int r, c;
    if (find(grid, 7, &r, &c))
        printf("7 at row %d col %d\n", r, c);
    printf("13 found: %d\n", find(grid, 13, &r, &c));
    for (int fail = 0; fail <= 3; fail++)
        setup(fail);

    int n = 0;
again:
    n++;
    if (n < 5)
        goto again;
    printf("looped with goto until n = %d\n", n);
    return 0;
}
