/* The child writes a "done" mark into the table before exec, hoping the parent will see it.
   It cannot: the write lands in the child's own copy of that page, and costs a copy. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#define N 4096

long squares[N];

int main(void) {
    for (int i = 0; i < N; i++)
        squares[i] = (long)i * i;

    pid_t pid = fork();
    if (pid == 0) {
        squares[0] = -1;
        execl("/bin/echo", "echo", "child: echo ran", (char *)NULL);
        _exit(127);
    }
    waitpid(pid, NULL, 0);
    printf("parent: squares[%d] = %ld\n", N - 1, squares[N - 1]);
    return 0;
}
