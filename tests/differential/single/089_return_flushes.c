// Returning from main calls exit, which flushes stdio: text without a newline still appears.
#include <stdio.h>

int main(void)
{
    printf("first line\n");
    printf("no newline at the end, but flushed at exit");
    return 0;
}
