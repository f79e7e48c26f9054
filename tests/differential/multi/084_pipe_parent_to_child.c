// The parent writes a message into a pipe; the child reads it and prints it.
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    pipe(fds);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[1]);
        char buf[64];
        ssize_t n = read(fds[0], buf, sizeof buf - 1);
        buf[n > 0 ? n : 0] = '\0';
        printf("child read %zd bytes: %s\n", n, buf);
        _exit(0);
    }
    close(fds[0]);
    const char *msg = "greetings from the parent";
    write(fds[1], msg, strlen(msg));
    close(fds[1]);
    waitpid(pid, NULL, 0);
    return 0;
}
