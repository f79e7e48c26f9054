/* The parent waits but then goes round the loop too: it forks again, and the chain branches. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#define DEPTH 3

int main(void) {
    int below = 0;
    int me = 0;
    for (int g = 0; g < DEPTH; g++) {
        pid_t pid = fork();
        if (pid > 0) {
            int status;
            waitpid(pid, &status, 0);
            if (WEXITSTATUS(status) + 1 > below)
                below = WEXITSTATUS(status) + 1;
        } else {
            me = g + 1;
            below = 0;
            printf("generation %d: pid %d, parent %d\n", me, getpid(), getppid());
        }
    }
    if (me == 0) {
        printf("generation 0: %d generations below me\n", below);
        return 0;
    }
    exit(below);
}
