#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sched.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

#define STACK_SIZE 65536

int counter = 0;

/* What the clone runs: adds *arg to the global counter. */
int add(void *arg) {
    counter += *(int *)arg;
    return 0;
}

/* Runs add(amount) in a clone made with `flags`, and waits for it. */
void run_clone(int flags, int amount) {
    char *stack = malloc(STACK_SIZE);
    if (stack == NULL) {
        perror("malloc");
        exit(1);
    }
    /* the stack grows down: pass the top of the block */
    pid_t pid = clone(add, stack + STACK_SIZE, flags | SIGCHLD, &amount);
    if (pid < 0) {
        perror("clone");
        exit(1);
    }
    waitpid(pid, NULL, 0);
    free(stack);
}

int main(void) {
    run_clone(0, 10);
    printf("without CLONE_VM: counter = %d\n", counter);
    run_clone(CLONE_VM, 10);
    printf("with CLONE_VM: counter = %d\n", counter);
    return 0;
}
