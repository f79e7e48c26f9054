// Fault: unbounded recursion runs off the stack and raises SIGSEGV.
#include <stdio.h>

static long depth(long n)
{
    volatile char frame[256];
    frame[0] = (char)n;
    return depth(n + 1) + frame[0];
}

int main(void)
{
    printf("recursing forever\n");
    printf("%ld\n", depth(0));
    return 0;
}
