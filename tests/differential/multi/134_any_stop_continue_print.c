// outputs: any
// runs: 50
// The parent stops its child with SIGSTOP, reports the stop, continues it and waits: the child
// prints before it is stopped or after it is continued.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        printf("child runs\n");
        return 0;
    }
    kill(pid, SIGSTOP);
    int status;
    if (waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status)) printf("child stopped\n");
    else if (WIFEXITED(status)) printf("child exited before the stop\n");
    kill(pid, SIGCONT);
    waitpid(pid, &status, 0);
    printf("parent done\n");
    return 0;
}
