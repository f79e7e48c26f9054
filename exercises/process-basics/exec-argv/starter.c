#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char *argv[]) {
    pid_t pid = fork();
    if (pid == 0) {
        /* TODO: run echo with this program's arguments */
        printf("child: %d arguments to pass on\n", argc - 1);
        exit(1);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("echo exited with %d\n", WEXITSTATUS(status));
    return 0;
}
