#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#define DEPTH 3

int main(void) {
    for (int g = 1; g <= DEPTH; g++) {
        pid_t pid = fork();
        if (pid == 0) {
            printf("generation %d: pid %d, parent %d\n", g, getpid(), getppid());
            exit(0);
        }
        waitpid(pid, NULL, 0);
    }
    printf("generation 0: %d generations below me\n", 1);
    return 0;
}
