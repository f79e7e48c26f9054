// With SIGPIPE ignored, the same write fails with EPIPE instead.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    pipe(fds);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[1]);
        close(fds[0]);
        _exit(0);
    }
    close(fds[0]);
    waitpid(pid, NULL, 0);  /* now no read end is open anywhere */
    signal(SIGPIPE, SIG_IGN);
    ssize_t r = write(fds[1], "x", 1);
    printf("write returned %zd: %s (EPIPE: %s)\n", r, strerror(errno), errno == EPIPE ? "yes" : "no");
    return 0;
}
