// execve passes an explicit argument vector and environment (here one variable echo ignores).
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    char *args[] = {"echo", "execve", "works", NULL};
    char *env[] = {"GREETING=hi", NULL};
    pid_t pid = fork();
    if (pid == 0) {
        execve("/bin/echo", args, env);
        perror("execve");
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("status %d\n", WEXITSTATUS(status));
    return 0;
}
