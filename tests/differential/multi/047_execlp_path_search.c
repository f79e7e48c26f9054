// execlp searches PATH for "echo".
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        execlp("echo", "echo", "found", "on", "PATH", (char *)NULL);
        perror("execlp");
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("status %d\n", WEXITSTATUS(status));
    return 0;
}
