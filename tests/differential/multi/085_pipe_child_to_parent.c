// The child computes and sends its result up a pipe; the parent reads until end of file.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    pipe(fds);
    if (fork() == 0) {
        close(fds[0]);
        for (int i = 1; i <= 5; i++) {
            int square = i * i;
            write(fds[1], &square, sizeof square);
        }
        _exit(0);
    }
    close(fds[1]);
    int value, count = 0;
    while (read(fds[0], &value, sizeof value) == sizeof value) {
        printf("got %d\n", value);
        count++;
    }
    wait(NULL);
    printf("%d values, then end of file\n", count);
    return 0;
}
