// A chain: each process makes one child, down to depth 4, and waits for it. Lines on the way
// down come before the deeper ones; lines on the way back up come after.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int depth = 0;
    while (depth < 4) {
        printf("depth %d: forking\n", depth);
        fflush(stdout);
        pid_t pid = fork();
        if (pid != 0) {
            int status;
            waitpid(pid, &status, 0);
            printf("depth %d: child finished with %d\n", depth, WEXITSTATUS(status));
            exit(depth);
        }
        depth++;
    }
    printf("depth %d: the last one\n", depth);
    return depth;
}
