// fork + execl: the child becomes /bin/echo; the parent waits for it.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/echo", "echo", "hello", "from", "echo", (char *)NULL);
        perror("execl");
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("echo exited with %d\n", WEXITSTATUS(status));
    return 0;
}
