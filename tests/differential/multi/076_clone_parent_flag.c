// CLONE_PARENT: the new process is a sibling of the caller (its parent is the caller's parent).
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static char stack[64 * 1024];
pid_t seen_parent;

static int child_fn(void *arg) {
    (void)arg;
    seen_parent = getppid();
    return 0;
}

int main(void) {
    pid_t pid = clone(child_fn, stack + sizeof stack, CLONE_VM | CLONE_VFORK | CLONE_PARENT, NULL);
    printf("clone returned a pid: %s\n", pid > 0 ? "yes" : "no");
    printf("child's parent is my parent: %s\n", seen_parent == getppid() ? "yes" : "no");
    printf("child's parent is me: %s\n", seen_parent == getpid() ? "yes" : "no");
    printf("so I cannot wait for it: %s\n", waitpid(pid, NULL, WNOHANG) == -1 ? "yes" : "no");
    return 0;
}
