// clone(CLONE_VM | CLONE_VFORK | SIGCHLD) is vfork with a separate stack: the parent is
// suspended until the child's function returns, and sees its writes.
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static char stack[64 * 1024];
int steps = 0;

static int child_fn(void *arg) {
    (void)arg;
    for (int i = 0; i < 5; i++) {
        steps++;
        usleep(1000);
    }
    return 0;
}

int main(void) {
    pid_t pid = clone(child_fn, stack + sizeof stack, CLONE_VM | CLONE_VFORK | SIGCHLD, NULL);
    printf("parent resumed: the child already took %d steps\n", steps);
    waitpid(pid, NULL, 0);
    return 0;
}
