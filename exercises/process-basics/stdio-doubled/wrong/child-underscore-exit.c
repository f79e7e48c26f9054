/* Flushes before fork, but the child ends with _exit: its own line never leaves its buffer. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    printf("start\n");
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        printf("child\n");
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent\n");
    return 0;
}
