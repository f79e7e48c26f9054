#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>

#define WANTED 50

int main(void) {
    int started = 0;
    for (int i = 0; i < WANTED; i++) {
        pid_t pid = fork();
        if (pid < 0) {
            if (errno == EAGAIN) {
                perror("fork");     /* the process limit: stop asking */
                break;
            }
            perror("fork");
            exit(1);
        }
        if (pid == 0) {
            sleep(1);
            _exit(0);
        }
        started++;
    }
    printf("parent: started %d workers\n", started);
    int reaped = 0;
    while (wait(NULL) > 0)
        reaped++;
    printf("parent: reaped %d workers\n", reaped);
    return 0;
}
