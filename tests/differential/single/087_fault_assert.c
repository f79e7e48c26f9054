// Fault: a failed assert prints glibc's message (program: file:line: function: Assertion `...'
// failed.) on stderr and aborts with SIGABRT.
#include <stdio.h>
#include <assert.h>

static int checked_divide(int a, int b)
{
    assert(b != 0);
    return a / b;
}

int main(void)
{
    printf("12 / 4 = %d\n", checked_divide(12, 4));
    printf("12 / 0 = %d\n", checked_divide(12, 0));
    return 0;
}
