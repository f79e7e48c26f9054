// A child whose stdout is a pipe (fully buffered) prints a line and then forks a grandchild:
// the line reaches the pipe twice. The parent shows what the pipe carried.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    pipe(fds);
    if (fork() == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        printf("written once, before fork\n");
        if (fork() == 0) return 0;
        wait(NULL);
        return 0;
    }
    close(fds[1]);
    char buf[256];
    ssize_t n, total = 0;
    while ((n = read(fds[0], buf + total, sizeof buf - 1 - total)) > 0) total += n;
    buf[total] = '\0';
    wait(NULL);
    printf("the pipe carried:\n%s", buf);
    return 0;
}
