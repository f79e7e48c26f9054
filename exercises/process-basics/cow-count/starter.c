#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#define N 8192              /* 8192 ints = 32 KiB = 8 pages of 4 KiB */

int table[N];

int main(void) {
    for (int i = 0; i < N; i++)
        table[i] = i % 100;

    pid_t pid = fork();
    if (pid == 0) {
        /* running total, kept in the table itself */
        for (int i = 1; i < N; i++)
            table[i] += table[i - 1];
        printf("child: sum %d\n", table[N - 1]);
        exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent: table[%d] is still %d\n", N - 1, table[N - 1]);
    return 0;
}
