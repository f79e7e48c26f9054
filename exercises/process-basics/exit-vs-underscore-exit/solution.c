#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

/* The parent's clean-up, to run once when the parent ends. */
void cleanup(void) {
    printf("cleanup: temporary files removed\n");
}

int main(void) {
    atexit(cleanup);
    printf("parent: starting worker\n");
    fflush(stdout);             /* nothing pending when fork copies the buffer */
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        printf("worker: result 42\n");
        fflush(stdout);         /* _exit does not flush: do it by hand */
        _exit(0);               /* no atexit handlers: cleanup is the parent's job */
    }
    waitpid(pid, NULL, 0);
    printf("parent: worker done\n");
    return 0;
}
