// Every W* macro on three endings: a normal exit, a SIGKILL, a stop.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static void show(const char *what, int status) {
    printf("%-8s exited=%d(%d) signaled=%d(%d) stopped=%d(%d) continued=%d\n", what,
           WIFEXITED(status) != 0, WIFEXITED(status) ? WEXITSTATUS(status) : -1,
           WIFSIGNALED(status) != 0, WIFSIGNALED(status) ? WTERMSIG(status) : -1,
           WIFSTOPPED(status) != 0, WIFSTOPPED(status) ? WSTOPSIG(status) : -1,
           WIFCONTINUED(status) != 0);
}

int main(void) {
    int status;
    pid_t pid = fork();
    if (pid == 0) _exit(12);
    waitpid(pid, &status, 0);
    show("exit", status);

    pid = fork();
    if (pid == 0) {
        raise(SIGKILL);
        _exit(0);
    }
    waitpid(pid, &status, 0);
    show("SIGKILL", status);

    pid = fork();
    if (pid == 0) {
        raise(SIGSTOP);
        _exit(0);
    }
    waitpid(pid, &status, WUNTRACED);
    show("SIGSTOP", status);
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    show("killed", status);
    return 0;
}
