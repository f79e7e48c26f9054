// Fault: integer division by zero raises SIGFPE (floating-point division would give inf).
#include <stdio.h>

static int average(int total, int count)
{
    return total / count;
}

int main(void)
{
    printf("average of 10 over 2: %d\n", average(10, 2));
    printf("1.0 / 0.0 = %f (no fault)\n", 1.0 / (double)(average(0, 1)));
    printf("now 10 / 0\n");
    printf("%d\n", average(10, 0));
    return 0;
}
