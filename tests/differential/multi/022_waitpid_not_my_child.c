// waitpid on a process that is not a child (here the parent, or a pid that the child
// already reaped) fails with ECHILD.
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t got = waitpid(getppid(), NULL, 0);
    printf("waitpid(getppid()) = %d, ECHILD: %s\n", got, errno == ECHILD ? "yes" : "no");
    pid_t pid = fork();
    if (pid == 0) _exit(0);
    printf("first waitpid(child) right pid: %s\n", waitpid(pid, NULL, 0) == pid ? "yes" : "no");
    errno = 0;
    got = waitpid(pid, NULL, 0);
    printf("second waitpid(child) = %d, ECHILD: %s\n", got, errno == ECHILD ? "yes" : "no");
    return 0;
}
