#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    for (int i = 0; i < 3; i++) {
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            exit(1);
        }
        if (pid == 0) {
            printf("child %d\n", i);
            exit(0);            /* the child must not go round the loop */
        }
    }
    while (wait(NULL) > 0)      /* -1 with ECHILD once every child is reaped */
        ;
    printf("all 3 children done\n");
    return 0;
}
