// A pipe inside one process: write then read; dup2 points stdout at the pipe and dup keeps
// the terminal to restore it; read returns 0 once the write end is closed and the pipe is empty;
// fcntl sets close-on-exec.
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>

int main(void)
{
    int fds[2];
    if (pipe(fds) != 0) {
        perror("pipe");
        return 1;
    }
    write(fds[1], "through the pipe", 16);
    char buf[64];
    ssize_t n = read(fds[0], buf, sizeof buf - 1);
    buf[n] = '\0';
    printf("read %zd bytes: \"%s\"\n", n, buf);

    int saved = dup(STDOUT_FILENO);
    fflush(stdout);
    dup2(fds[1], STDOUT_FILENO);
    printf("captured line 1\n");
    printf("captured line 2\n");
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    close(fds[1]);

    int total = 0;
    while ((n = read(fds[0], buf, 10)) > 0) {
        buf[n] = '\0';
        for (char *p = buf; (p = strchr(p, '\n')) != NULL; p++)
            *p = '|';
        printf("chunk of %zd: [%s]\n", n, buf);
        total += (int)n;
    }
    printf("read returned %zd at end of file after %d bytes\n", n, total);
    printf("close-on-exec before: %d\n", fcntl(fds[0], F_GETFD) & FD_CLOEXEC);
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    printf("close-on-exec after: %d\n", fcntl(fds[0], F_GETFD) & FD_CLOEXEC);
    close(fds[0]);
    printf("read on a closed descriptor returns %zd\n", read(fds[0], buf, 1));
    printf("stdout is the terminal again\n");
    return 0;
}
