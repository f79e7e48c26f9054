// The clone child's function return value becomes its exit status.
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static char stack[64 * 1024];

static int twice(void *arg) {
    return 2 * *(int *)arg;
}

int main(void) {
    int n = 21;
    pid_t pid = clone(twice, stack + sizeof stack, SIGCHLD, &n);
    int status;
    pid_t got = waitpid(pid, &status, 0);
    printf("clone returned the child's pid: %s, status %d\n", got == pid ? "yes" : "no", WEXITSTATUS(status));
    return 0;
}
