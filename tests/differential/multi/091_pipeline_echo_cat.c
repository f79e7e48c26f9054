// The shell's "echo hello pipeline | cat": two children joined by a pipe.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    pipe(fds);
    pid_t writer = fork();
    if (writer == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        execlp("echo", "echo", "hello", "pipeline", (char *)NULL);
        _exit(127);
    }
    pid_t reader = fork();
    if (reader == 0) {
        dup2(fds[0], 0);
        close(fds[0]);
        close(fds[1]);
        execlp("cat", "cat", (char *)NULL);
        _exit(127);
    }
    close(fds[0]);
    close(fds[1]);
    int s1, s2;
    waitpid(writer, &s1, 0);
    waitpid(reader, &s2, 0);
    printf("echo: %d, cat: %d\n", WEXITSTATUS(s1), WEXITSTATUS(s2));
    return 0;
}
