// waitpid(-1, &s, 0) is wait(&s): it takes any child. Two children that end in a forced order
// (the second waits for the first to close a pipe).
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    pipe(fds);
    pid_t a = fork();
    if (a == 0) {
        close(fds[0]);
        _exit(1);  /* closing the write end at exit lets b go */
    }
    close(fds[1]);
    int status;
    pid_t first = waitpid(-1, &status, 0);
    printf("first: a? %s status %d\n", first == a ? "yes" : "no", WEXITSTATUS(status));
    pid_t b = fork();
    if (b == 0) {
        char c;
        _exit(read(fds[0], &c, 1) == 0 ? 2 : 3);
    }
    pid_t second = waitpid(-1, &status, 0);
    printf("second: b? %s status %d\n", second == b ? "yes" : "no", WEXITSTATUS(status));
    return 0;
}
