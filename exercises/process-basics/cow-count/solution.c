#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#define N 8192

int table[N];

int main(void) {
    for (int i = 0; i < N; i++)
        table[i] = i % 100;

    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        long sum = 0;       /* on the child's stack: the table is only read */
        for (int i = 0; i < N; i++)
            sum += table[i];
        printf("child: sum %ld\n", sum);
        exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent: table[%d] is still %d\n", N - 1, table[N - 1]);
    return 0;
}
