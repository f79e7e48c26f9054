// atexit handlers run in reverse order of registration, after main returns, and the stdout
// buffer is flushed after them (so a handler's output without a newline still appears).
#include <stdio.h>
#include <stdlib.h>

static void first(void) { printf("first registered, runs last\n"); }
static void second(void) { printf("second registered\n"); }
static void third(void) { printf("third registered, runs first\n"); }
static void no_newline(void) { printf("handler output without newline"); }

int main(void)
{
    atexit(no_newline);
    atexit(first);
    atexit(second);
    if (atexit(third) != 0)
        printf("atexit failed\n");
    printf("main returns 5\n");
    return 5;
}
