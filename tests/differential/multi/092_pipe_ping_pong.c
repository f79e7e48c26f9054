// Two pipes make a conversation: parent and child take turns incrementing a number, so the
// printing alternates in a fixed order.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int down[2], up[2];
    pipe(down);
    pipe(up);
    if (fork() == 0) {
        close(down[1]);
        close(up[0]);
        int n;
        while (read(down[0], &n, sizeof n) == sizeof n) {
            printf("  child got %d\n", n);
            fflush(stdout);
            n++;
            write(up[1], &n, sizeof n);
        }
        _exit(0);
    }
    close(down[0]);
    close(up[1]);
    int n = 0;
    for (int round = 0; round < 3; round++) {
        printf("parent sends %d\n", n);
        fflush(stdout);
        write(down[1], &n, sizeof n);
        read(up[0], &n, sizeof n);
        n++;
    }
    close(down[1]);
    wait(NULL);
    printf("final %d\n", n);
    return 0;
}
