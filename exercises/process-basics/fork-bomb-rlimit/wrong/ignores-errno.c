/* Treats -1 as a pid: counts failed forks as workers and never reports the limit. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#define WANTED 50

int main(void) {
    int started = 0;
    for (int i = 0; i < WANTED; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            sleep(1);
            _exit(0);
        }
        if (pid != 0)
            started++;
    }
    printf("parent: started %d workers\n", started);
    int reaped = 0;
    while (wait(NULL) > 0)
        reaped++;
    printf("parent: reaped %d workers\n", reaped);
    return 0;
}
