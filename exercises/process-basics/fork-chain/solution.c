#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#define DEPTH 3

int main(void) {
    for (int g = 0; g < DEPTH; g++) {
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            exit(1);
        }
        if (pid > 0) {
            /* generation g: wait for the next one, and pass the count up */
            int status;
            waitpid(pid, &status, 0);
            int below = WIFEXITED(status) ? WEXITSTATUS(status) + 1 : 1;
            if (g == 0) {
                printf("generation 0: %d generations below me\n", below);
                return 0;
            }
            exit(below);
        }
        /* the child is generation g + 1 and goes round the loop to make the next one */
        printf("generation %d: pid %d, parent %d\n", g + 1, getpid(), getppid());
    }
    exit(0);                    /* the last generation has nobody below it */
}
