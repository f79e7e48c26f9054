// exit(42) in the child: the parent's status word says "exited" with status 42.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) exit(42);
    int status;
    pid_t got = wait(&status);
    printf("wait returned the child: %s\n", got == pid ? "yes" : "no");
    printf("WIFEXITED=%d WEXITSTATUS=%d WIFSIGNALED=%d\n", WIFEXITED(status) != 0, WEXITSTATUS(status),
           WIFSIGNALED(status) != 0);
    return 0;
}
