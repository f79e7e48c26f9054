// WNOHANG: while the child is alive (blocked reading a pipe) waitpid returns 0 at once;
// after the parent lets it finish, a blocking waitpid collects it.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    pipe(fds);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[1]);
        char c;
        read(fds[0], &c, 1);
        _exit(9);
    }
    close(fds[0]);
    int status = -1;
    printf("WNOHANG while the child runs: %d\n", waitpid(pid, &status, WNOHANG));
    printf("WNOHANG again: %d\n", waitpid(-1, &status, WNOHANG));
    close(fds[1]);
    pid_t got = waitpid(pid, &status, 0);
    printf("blocking waitpid: right pid %s, status %d\n", got == pid ? "yes" : "no", WEXITSTATUS(status));
    return 0;
}
