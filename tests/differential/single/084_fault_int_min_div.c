// Fault: INT_MIN / -1 does not fit in an int; x86-64 raises SIGFPE for it.
#include <stdio.h>
#include <limits.h>

int main(void)
{
    volatile int a = INT_MIN;
    volatile int b = -1;
    printf("INT_MIN / 1 = %d\n", a / 1);
    printf("INT_MIN / -1 ...\n");
    int q = a / b;
    printf("%d\n", q);
    return 0;
}
