// A child stops itself with SIGSTOP: waitpid with WUNTRACED reports it stopped (WIFSTOPPED,
// WSTOPSIG). The parent sends SIGCONT (WCONTINUED reports it), then the child exits.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        raise(SIGSTOP);
        _exit(5);  /* only reached once continued */
    }
    int status;
    waitpid(pid, &status, WUNTRACED);
    printf("WIFSTOPPED=%d WSTOPSIG=%d WIFEXITED=%d\n", WIFSTOPPED(status) != 0, WSTOPSIG(status),
           WIFEXITED(status) != 0);
    kill(pid, SIGCONT);
    waitpid(pid, &status, WCONTINUED);
    printf("WIFCONTINUED=%d\n", WIFCONTINUED(status) != 0);
    waitpid(pid, &status, 0);
    printf("WIFEXITED=%d WEXITSTATUS=%d\n", WIFEXITED(status) != 0, WEXITSTATUS(status));
    return 0;
}
