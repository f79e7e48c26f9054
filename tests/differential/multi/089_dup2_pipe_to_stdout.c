// The child points its stdout at a pipe with dup2; what it prints reaches the parent, which
// frames each line.
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
        printf("first line\nsecond line\n");
        return 0;
    }
    close(fds[1]);
    char c;
    int at_line_start = 1;
    while (read(fds[0], &c, 1) == 1) {
        if (at_line_start) printf("parent got: ");
        putchar(c);
        at_line_start = c == '\n';
    }
    wait(NULL);
    return 0;
}
