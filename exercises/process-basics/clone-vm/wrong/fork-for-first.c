/* Uses fork for the first run: right numbers, but fork is not the clone call asked for. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sched.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

#define STACK_SIZE 65536

int counter = 0;

int add(void *arg) {
    counter += *(int *)arg;
    return 0;
}

int main(void) {
    int amount = 10;
    pid_t pid = fork();
    if (pid == 0)
        _exit(add(&amount));
    waitpid(pid, NULL, 0);
    printf("without CLONE_VM: counter = %d\n", counter);
    char *stack = malloc(STACK_SIZE);
    pid = clone(add, stack + STACK_SIZE, CLONE_VM | SIGCHLD, &amount);
    waitpid(pid, NULL, 0);
    printf("with CLONE_VM: counter = %d\n", counter);
    return 0;
}
