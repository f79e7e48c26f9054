/* The parent closes its write end only after waiting: the child waits for EOF, the parent for the child. */
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fd[2];
    if (pipe(fd) < 0) {
        perror("pipe");
        return 1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        /* child: read the pipe to the end, print it in capitals */
        close(fd[1]);           /* else the pipe keeps a writer: read never sees EOF */
        char buf[64];
        long total = 0;
        ssize_t n;
        while ((n = read(fd[0], buf, sizeof buf)) > 0) {
            for (ssize_t i = 0; i < n; i++)
                putchar(toupper((unsigned char)buf[i]));
            total += n;
        }
        printf("child: %ld bytes\n", total);
        exit(0);
    }
    /* parent: copy our standard input into the pipe */
    close(fd[0]);               /* the parent only writes */
    char buf[64];
    ssize_t n;
    while ((n = read(0, buf, sizeof buf)) > 0)
        write(fd[1], buf, n);
    waitpid(pid, NULL, 0);
    close(fd[1]);
    printf("parent: done\n");
    return 0;
}
