// Conway's Game of Life on a small wrapped grid: 2-D arrays, modular arithmetic, copying.
#include <stdio.h>
#include <string.h>

#define ROWS 6
#define COLS 8

static void show(char grid[ROWS][COLS], int generation)
{
    printf("generation %d\n", generation);
    for (int r = 0; r < ROWS; r++) {
        for (int c = 0; c < COLS; c++)
            putchar(grid[r][c] ? '#' : '.');
        putchar('\n');
    }
}

static int neighbours(char grid[ROWS][COLS], int r, int c)
{
    int n = 0;
    for (int dr = -1; dr <= 1; dr++)
        for (int dc = -1; dc <= 1; dc++)
            if (dr || dc)
                n += grid[(r + dr + ROWS) % ROWS][(c + dc + COLS) % COLS];
    return n;
}

static void step(char grid[ROWS][COLS])
{
    char next[ROWS][COLS];
    for (int r = 0; r < ROWS; r++)
        for (int c = 0; c < COLS; c++) {
            int n = neighbours(grid, r, c);
            next[r][c] = n == 3 || (grid[r][c] && n == 2);
        }
    memcpy(grid, next, sizeof next);
}

int main(void)
{
    char grid[ROWS][COLS] = { { 0 } };
    grid[0][1] = grid[1][2] = grid[2][0] = grid[2][1] = grid[2][2] = 1; /* a glider */
    grid[4][5] = grid[4][6] = grid[4][7] = 1;                            /* a blinker */
    for (int g = 0; g <= 4; g++) {
        show(grid, g);
        step(grid);
    }
    return 0;
}
