// A program killed by its own SIGTERM (default action: terminate, no core): status 128 + 15.
#include <stdio.h>
#include <signal.h>

int main(void)
{
    printf("sending myself SIGTERM\n");
    raise(SIGTERM);
    printf("not reached\n");
    return 0;
}
