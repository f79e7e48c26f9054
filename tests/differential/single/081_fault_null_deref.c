// Fault: reading through a NULL pointer raises SIGSEGV; the line printed before it shows.
#include <stdio.h>

struct task { int pid; struct task *parent; };

int main(void)
{
    struct task init = { 1, NULL };
    struct task *t = &init;
    printf("pid %d\n", t->pid);
    printf("about to follow a NULL parent pointer\n");
    printf("parent pid %d\n", t->parent->pid);
    printf("not reached\n");
    return 0;
}
