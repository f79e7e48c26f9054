// read returns 0 (end of file) only once every write end is closed: the parent's copy too.
// The child counts bytes until end of file; the parent closes its write end after writing.
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    pipe(fds);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[1]);  /* without this the child would never see end of file */
        char buf[8];
        ssize_t n, total = 0;
        while ((n = read(fds[0], buf, sizeof buf)) > 0) total += n;
        printf("child: end of file after %zd bytes (read returned %zd)\n", total, n);
        _exit(0);
    }
    close(fds[0]);
    for (int i = 0; i < 10; i++) write(fds[1], "0123456789", 10);
    close(fds[1]);
    waitpid(pid, NULL, 0);
    printf("parent: done\n");
    return 0;
}
