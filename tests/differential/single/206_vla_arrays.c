// Variable-length arrays: sized by a parameter or an earlier computation, sizeof measured when
// the array is declared, one made on every turn of a loop (its stack given back each time).
#include <stdio.h>
#include <string.h>

static long triangle_sum(int n)
{
    long rows[n];
    for (int i = 0; i < n; i++)
        rows[i] = (long)i * (i + 1) / 2;
    long total = 0;
    for (int i = 0; i < n; i++)
        total += rows[i];
    printf("triangle(%d): %zu bytes, sum %ld\n", n, sizeof rows, total);
    return total;
}

static void reverse_copy(const char *text)
{
    size_t len = strlen(text);
    char copy[len + 1];
    for (size_t i = 0; i < len; i++)
        copy[i] = text[len - 1 - i];
    copy[len] = '\0';
    printf("%s -> %s (%zu)\n", text, copy, sizeof copy);
}

struct cell {
    int row, col;
    double value;
};

int main(void)
{
    triangle_sum(1);
    triangle_sum(10);
    reverse_copy("variable");
    reverse_copy("");
    int n = 4;
    int squares[n * 2];
    size_t before = sizeof squares;
    n = 100;
    for (size_t i = 0; i < sizeof squares / sizeof squares[0]; i++)
        squares[i] = (int)(i * i);
    printf("squares: %zu bytes (n is now %d), last %d\n", before, n, squares[7]);
    struct cell grid[3][2];
    int k = 3;
    struct cell line[k];
    line[2] = (struct cell){ 1, 2, 0.5 };
    grid[1][1] = line[2];
    printf("cell %zu bytes, line %zu bytes, grid[1][1] = (%d,%d) %.1f\n", sizeof(struct cell), sizeof line,
           grid[1][1].row, grid[1][1].col, grid[1][1].value);
    long total = 0;
    for (int round = 1; round <= 20000; round++) {
        int buffer[round % 64 + 1];
        buffer[0] = round;
        buffer[round % 64] = 1;
        total += buffer[0] + buffer[round % 64] + (long)(sizeof buffer / sizeof buffer[0]);
        if (round % 5000 == 0)
            continue;
    }
    printf("20000 rounds: %ld\n", total);
    return 0;
}
