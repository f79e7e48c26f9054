// The child reads its "input" with fgets on stdin, which the parent replaced by a pipe.
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    pipe(fds);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[0], 0);
        close(fds[0]);
        close(fds[1]);
        char line[32];
        int n = 0;
        while (fgets(line, sizeof line, stdin)) printf("child line %d: %s", ++n, line);
        _exit(n);
    }
    close(fds[0]);
    const char *lines = "alpha\nbeta\ngamma\n";
    write(fds[1], lines, strlen(lines));
    close(fds[1]);
    int status;
    waitpid(pid, &status, 0);
    printf("child counted %d lines\n", WEXITSTATUS(status));
    return 0;
}
