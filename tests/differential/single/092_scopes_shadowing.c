// Block scope and shadowing: an inner declaration hides an outer one until its block ends.
#include <stdio.h>

static int x = 1;

static void show_global(void)
{
    printf("global x = %d\n", x);
}

int main(void)
{
    printf("x = %d\n", x);
    int x = 2;
    printf("local x = %d\n", x);
    show_global();
    {
        int x = 3;
        printf("inner x = %d\n", x);
        {
            x++;
            int x = 4;
            printf("innermost x = %d\n", x);
        }
        printf("inner x after = %d\n", x);
    }
    for (int x = 10; x < 12; x++)
        printf("loop x = %d\n", x);
    printf("local x at the end = %d\n", x);
    int total = 0;
    for (int i = 0; i < 3; i++) {
        int i2 = i * 2;
        total += i2;
    }
    printf("total = %d\n", total);
    return 0;
}
