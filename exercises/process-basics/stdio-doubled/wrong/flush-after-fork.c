/* Flushes too late: by then fork has already copied the buffer. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    printf("start\n");
    pid_t pid = fork();
    fflush(stdout);
    if (pid == 0) {
        printf("child\n");
        exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent\n");
    return 0;
}
