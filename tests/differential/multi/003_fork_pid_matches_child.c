// The value fork returns to the parent is the child's getpid(): the child sends its pid
// through a pipe and the parent compares.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    pipe(fds);
    pid_t pid = fork();
    if (pid == 0) {
        pid_t self = getpid();
        write(fds[1], &self, sizeof self);
        _exit(0);
    }
    pid_t reported = 0;
    read(fds[0], &reported, sizeof reported);
    waitpid(pid, NULL, 0);
    printf("fork's return value == child's getpid(): %s\n", reported == pid ? "yes" : "no");
    return 0;
}
