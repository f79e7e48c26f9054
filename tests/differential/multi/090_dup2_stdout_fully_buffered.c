// Once stdout is a pipe, printf output is fully buffered: the child's printf text stays in its
// buffer until exit, so the later write() reaches the pipe first.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    pipe(fds);
    if (fork() == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        printf("printf line 1\n");
        write(1, "write() line\n", 13);
        printf("printf line 2\n");
        exit(0);
    }
    close(fds[1]);
    char buf[256];
    ssize_t n, total = 0;
    while ((n = read(fds[0], buf + total, sizeof buf - 1 - total)) > 0) total += n;
    buf[total] = '\0';
    wait(NULL);
    printf("the pipe carried, in order:\n%s", buf);
    return 0;
}
