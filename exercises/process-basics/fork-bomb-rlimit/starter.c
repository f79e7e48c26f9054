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
            sleep(1);           /* each worker stays alive for a while */
            _exit(0);
        }
        started++;
    }
    printf("parent: started %d workers\n", started);
    for (int i = 0; i < started; i++)
        wait(NULL);
    return 0;
}
