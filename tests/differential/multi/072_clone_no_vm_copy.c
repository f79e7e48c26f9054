// clone without CLONE_VM is like fork: the child writes its own copy of memory.
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static char stack[64 * 1024];
int value = 0;

static int child_fn(void *arg) {
    value = *(int *)arg;
    printf("child sees value = %d\n", value);
    return 0;
}

int main(void) {
    int x = 99;
    pid_t pid = clone(child_fn, stack + sizeof stack, SIGCHLD, &x);
    waitpid(pid, NULL, 0);
    printf("without CLONE_VM the parent sees value = %d\n", value);
    return 0;
}
