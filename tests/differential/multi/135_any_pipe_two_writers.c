// outputs: any
// runs: 100
// Two children write a line each into one pipe; the parent reads the pipe to end of file and
// prints what came through: the lines arrive in either order, never mixed (each write is
// shorter than PIPE_BUF, so it is atomic).
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fd[2];
    pipe(fd);
    for (int i = 0; i < 2; i++) {
        if (fork() == 0) {
            close(fd[0]);
            const char *line = i == 0 ? "from the first child\n" : "from the second child\n";
            write(fd[1], line, strlen(line));
            _exit(0);
        }
    }
    close(fd[1]);
    char buf[128];
    ssize_t n;
    while ((n = read(fd[0], buf, sizeof buf)) > 0) fwrite(buf, 1, n, stdout);
    while (wait(NULL) > 0)
        ;
    return 0;
}
