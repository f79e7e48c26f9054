// Writing to a pipe whose read end is closed everywhere raises SIGPIPE, which kills the writer.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    pipe(fds);
    close(fds[0]);
    pid_t pid = fork();
    if (pid == 0) {
        write(fds[1], "x", 1);
        printf("child: not reached\n");
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("writer killed by signal %d (SIGPIPE is %d)\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0, SIGPIPE);
    return 0;
}
