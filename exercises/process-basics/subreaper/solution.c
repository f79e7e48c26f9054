#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/prctl.h>

int main(void) {
    if (prctl(PR_SET_CHILD_SUBREAPER, 1) < 0) {
        perror("prctl");
        return 1;
    }
    printf("top: %d\n", getpid());
    fflush(stdout);
    pid_t middle = fork();
    if (middle == 0) {
        pid_t me = getpid();
        if (fork() == 0) {
            while (getppid() == me)     /* until the middle child is gone */
                sleep(1);
            printf("grandchild: adopted by %d\n", getppid());
            exit(0);
        }
        exit(0);
    }
    int reaped = 0;
    while (wait(NULL) > 0)
        reaped++;
    printf("top: reaped %d\n", reaped);
    return 0;
}
