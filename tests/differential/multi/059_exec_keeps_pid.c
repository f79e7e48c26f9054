// exec keeps the pid: the parent's waitpid on the pid fork returned collects the program the
// child became (sh exits with 7).
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", "exit 7", (char *)NULL);
        _exit(127);
    }
    int status;
    pid_t got = waitpid(pid, &status, 0);
    printf("same pid: %s, status %d\n", got == pid ? "yes" : "no", WEXITSTATUS(status));
    return 0;
}
