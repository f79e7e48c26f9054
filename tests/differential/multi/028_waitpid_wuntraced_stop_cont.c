// A child stops itself with SIGSTOP: waitpid with WUNTRACED reports it stopped (WIFSTOPPED,
// WSTOPSIG). The parent sends SIGCONT (WCONTINUED reports it), then lets the child exit through
// a pipe: without it the child could exit before the WCONTINUED wait, and that wait would report
// the exit instead (a real race on Linux, which the explorer finds).
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int go[2];
    pipe(go);
    pid_t pid = fork();
    if (pid == 0) {
        char c;
        close(go[1]);
        raise(SIGSTOP);
        read(go[0], &c, 1);  /* only reached once continued; returns at EOF */
        _exit(5);
    }
    close(go[0]);
    int status;
    waitpid(pid, &status, WUNTRACED);
    printf("WIFSTOPPED=%d WSTOPSIG=%d WIFEXITED=%d\n", WIFSTOPPED(status) != 0, WSTOPSIG(status),
           WIFEXITED(status) != 0);
    kill(pid, SIGCONT);
    waitpid(pid, &status, WCONTINUED);
    printf("WIFCONTINUED=%d\n", WIFCONTINUED(status) != 0);
    close(go[1]);
    waitpid(pid, &status, 0);
    printf("WIFEXITED=%d WEXITSTATUS=%d\n", WIFEXITED(status) != 0, WEXITSTATUS(status));
    return 0;
}
