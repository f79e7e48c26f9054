#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define N 4096                  /* 4096 longs = 32 KiB = 8 pages */

long squares[N];                /* the parent's big working data */

int main(void) {
    for (int i = 0; i < N; i++)
        squares[i] = (long)i * i;

    pid_t pid = fork();
    if (pid == 0) {
        memset(squares, 0, sizeof squares);     /* "tidy up" before exec */
        execl("/bin/echo", "echo", "child: echo ran", (char *)NULL);
        _exit(127);
    }
    waitpid(pid, NULL, 0);
    printf("parent: squares[%d] = %ld\n", N - 1, squares[N - 1]);
    return 0;
}
