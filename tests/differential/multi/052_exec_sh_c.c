// execl of /bin/sh -c "echo hi": the shell runs a command line.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", "echo hi", (char *)NULL);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("sh exited with %d\n", WEXITSTATUS(status));
    return 0;
}
