// read returns what is there, not what was asked for: 10 bytes written, read of 100 gets 10.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    pipe(fds);
    int gate[2];
    pipe(gate);
    if (fork() == 0) {
        write(fds[1], "0123456789", 10);
        write(gate[1], "!", 1);
        _exit(0);
    }
    char c;
    read(gate[0], &c, 1);  /* the 10 bytes are in the pipe now */
    char buf[100];
    ssize_t n = read(fds[0], buf, sizeof buf);
    printf("asked for %zu, got %zd\n", sizeof buf, n);
    wait(NULL);
    return 0;
}
