/* A pipe: the parent writes a message into one end, the child reads it
   from the other. Each closes the end it does not use, so the child
   sees end of file after the message. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fd[2];
    pipe(fd);
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[1]);
        char buf[64];
        ssize_t n = read(fd[0], buf, sizeof buf - 1);
        buf[n > 0 ? n : 0] = '\0';
        printf("child read: %s\n", buf);
        close(fd[0]);
        return 0;
    }
    close(fd[0]);
    const char *msg = "hello through the pipe";
    write(fd[1], msg, strlen(msg));
    close(fd[1]);
    wait(NULL);
    return 0;
}
