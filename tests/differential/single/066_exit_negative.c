// exit(-1) is seen by the parent as 255; the atexit handler still runs after exit().
#include <stdio.h>
#include <stdlib.h>

static void goodbye(void)
{
    printf("goodbye from atexit\n");
}

int main(void)
{
    atexit(goodbye);
    printf("calling exit(-1)\n");
    exit(-1);
}
