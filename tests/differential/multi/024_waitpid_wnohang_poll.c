// Polling with WNOHANG until the child has ended. The child may only end after the parent's
// first poll (it waits for the pipe to close), so that poll surely sees 0. How many polls
// follow varies; the result does not.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    pipe(fds);
    pid_t pid = fork();
    if (pid == 0) {
        char c;
        close(fds[1]);
        read(fds[0], &c, 1);
        _exit(4);
    }
    close(fds[0]);
    int status;
    pid_t got = waitpid(pid, &status, WNOHANG);
    printf("first poll: %d\n", got);
    close(fds[1]);
    while ((got = waitpid(pid, &status, WNOHANG)) == 0) usleep(1000);
    printf("collected the child: %s, status %d\n", got == pid ? "yes" : "no", WEXITSTATUS(status));
    return 0;
}
