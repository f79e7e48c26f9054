// CLONE_FILES shares the descriptor table: a descriptor the child opens with dup is usable
// in the parent; without it the parent's table is untouched.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static char stack[64 * 1024];
int new_fd = -1;

static int child_fn(void *arg) {
    (void)arg;
    new_fd = dup(1);
    return 0;
}

int main(void) {
    pid_t pid = clone(child_fn, stack + sizeof stack, CLONE_VM | CLONE_FILES | SIGCHLD, NULL);
    waitpid(pid, NULL, 0);
    printf("CLONE_FILES: child's new descriptor %d valid in the parent: %s\n", new_fd,
           fcntl(new_fd, F_GETFD) != -1 ? "yes" : "no");
    close(new_fd);
    pid = clone(child_fn, stack + sizeof stack, CLONE_VM | SIGCHLD, NULL);
    waitpid(pid, NULL, 0);
    printf("no CLONE_FILES: child's new descriptor %d valid in the parent: %s\n", new_fd,
           fcntl(new_fd, F_GETFD) != -1 ? "yes" : "no");
    return 0;
}
