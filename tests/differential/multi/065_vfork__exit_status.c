// A vfork child's _exit status reaches the parent like a fork child's.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = vfork();
    if (pid == 0) _exit(7);
    int status;
    pid_t got = waitpid(pid, &status, 0);
    printf("right pid: %s, WIFEXITED=%d, status %d\n", got == pid ? "yes" : "no", WIFEXITED(status) != 0,
           WEXITSTATUS(status));
    return 0;
}
