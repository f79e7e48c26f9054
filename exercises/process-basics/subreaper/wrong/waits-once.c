/* A subreaper that stops after one wait(): the adopted grandchild may be left for init. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/prctl.h>

int main(void) {
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    printf("top: %d\n", getpid());
    fflush(stdout);
    pid_t middle = fork();
    if (middle == 0) {
        pid_t me = getpid();
        if (fork() == 0) {
            while (getppid() == me)
                sleep(1);
            printf("grandchild: adopted by %d\n", getppid());
            exit(0);
        }
        exit(0);
    }
    waitpid(middle, NULL, 0);
    printf("top: reaped 2\n");
    return 0;
}
