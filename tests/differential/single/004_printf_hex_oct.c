// printf with %x, %X and %o: the # flag, zero padding, width and precision.
#include <stdio.h>

int main(void)
{
    unsigned values[] = { 0u, 1u, 8u, 255u, 4096u, 0xCAFEu, 4294967295u };
    int n = sizeof values / sizeof values[0];

    for (int i = 0; i < n; i++) {
        unsigned v = values[i];
        printf("[%x] [%X] [%o] [%#x] [%#X] [%#o] [%8x] [%-8X|] [%08x] [%#010x] [%.4x] [%#.4o]\n",
               v, v, v, v, v, v, v, v, v, v, v, v);
    }
    printf("[%x] [%X]\n", -1, -255);
    printf("[%.0x] [%#.0x] [%.0o] [%#.0o]\n", 0u, 0u, 0u, 0u);
    printf("[%#5o] [%#-8x|]\n", 8u, 26u);
    return 0;
}
