/* Reads the table into a fresh heap array first: no page of the table is copied, but the heap
   pages it fills cost frames, and the child still writes one value into the shared table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define N 8192

int table[N];

int main(void) {
    for (int i = 0; i < N; i++)
        table[i] = i % 100;

    pid_t pid = fork();
    if (pid == 0) {
        int *mine = malloc(N * sizeof(int));
        memcpy(mine, table, N * sizeof(int));
        for (int i = 1; i < N; i++)
            mine[i] += mine[i - 1];
        table[0] = -1;      /* "mark the table as used": one shared page gets copied */
        printf("child: sum %d\n", mine[N - 1]);
        exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent: table[%d] is still %d\n", N - 1, table[N - 1]);
    return 0;
}
