// printf with %d, %i and %u: flags (- + space 0), width and precision.
#include <stdio.h>

int main(void)
{
    int values[] = { 0, 7, -7, 42, -42, 12345, -2147483647 - 1, 2147483647 };
    int n = sizeof values / sizeof values[0];

    for (int i = 0; i < n; i++) {
        int v = values[i];
        printf("[%d] [%i] [%5d] [%-5d] [%05d] [%+d] [% d] [%+5d] [%-+6d|]\n",
               v, v, v, v, v, v, v, v, v);
        printf("  [%.3d] [%8.3d] [%-8.3d|] [%+.4i] [% 08d] [%u]\n",
               v, v, v, v, v, (unsigned)v);
    }
    printf("[%u] [%10u] [%-10u|] [%010u] [%.12u]\n", 4294967295u, 17u, 17u, 17u, 17u);
    printf("[%1d] [%2d] [%0d]\n", 123456, 123456, 5);
    return 0;
}
