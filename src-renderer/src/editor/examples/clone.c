/* clone with CLONE_VM: the child runs child_fn on its own stack but in
   the caller's memory, so its write to `value` is seen by the parent
   (fork would have copied it). */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static char stack[64 * 1024];
int value = 0;

static int child_fn(void *arg) {
    value = *(int *)arg;    /* the parent's value: shared memory */
    return 0;
}

int main(void) {
    int x = 42;
    pid_t pid = clone(child_fn, stack + sizeof stack, CLONE_VM | SIGCHLD, &x);
    waitpid(pid, NULL, 0);
    printf("parent: value = %d, written by the child\n", value);
    return 0;
}
