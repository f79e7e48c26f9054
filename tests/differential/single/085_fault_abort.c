// Fault: abort() raises SIGABRT; a partial stdout line is not flushed (atexit does not run).
#include <stdio.h>
#include <stdlib.h>

static void cleanup(void)
{
    printf("atexit handler (never runs)\n");
}

int main(void)
{
    atexit(cleanup);
    printf("something went wrong, aborting\n");
    printf("this partial line is lost");
    abort();
}
