#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/prctl.h>

int main(void) {
    printf("top: %d\n", getpid());
    fflush(stdout);
    pid_t middle = fork();
    if (middle == 0) {
        if (fork() == 0) {
            /* the grandchild */
            sleep(1);
            printf("grandchild: adopted by %d\n", getppid());
            exit(0);
        }
        exit(0);            /* the middle child leaves its child behind */
    }
    wait(NULL);
    printf("top: reaped 1\n");
    return 0;
}
