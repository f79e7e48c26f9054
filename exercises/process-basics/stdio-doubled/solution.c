#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    printf("start\n");
    fflush(stdout);         /* empty the buffer before fork copies it */
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        printf("child\n");
        exit(0);            /* exit flushes the child's own buffer */
    }
    waitpid(pid, NULL, 0);
    printf("parent\n");
    return 0;
}
