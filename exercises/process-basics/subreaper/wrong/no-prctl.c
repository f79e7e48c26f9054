/* Never declares itself a subreaper: the orphan goes to init and the top reaps only one child. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
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
    int reaped = 0;
    while (wait(NULL) > 0)
        reaped++;
    printf("top: reaped %d\n", reaped);
    return 0;
}
