/* Flushes before fork, but the worker ends with exit(): it runs the parent's cleanup too. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

void cleanup(void) {
    printf("cleanup: temporary files removed\n");
}

int main(void) {
    atexit(cleanup);
    printf("parent: starting worker\n");
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        printf("worker: result 42\n");
        exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent: worker done\n");
    return 0;
}
