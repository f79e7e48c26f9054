/* A chain, but nobody waits: each generation is orphaned and the count is a guess. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define DEPTH 3

int main(void) {
    for (int g = 0; g < DEPTH; g++) {
        pid_t pid = fork();
        if (pid > 0) {
            if (g == 0)
                printf("generation 0: %d generations below me\n", DEPTH);
            exit(0);
        }
        printf("generation %d: pid %d, parent %d\n", g + 1, getpid(), getppid());
    }
    exit(0);
}
