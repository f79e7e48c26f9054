/* A fan, but wait() returns after ANY one child: the parent may finish before the others. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    for (int i = 0; i < 3; i++) {
        if (fork() == 0) {
            printf("child %d\n", i);
            exit(0);
        }
    }
    wait(NULL);
    printf("all 3 children done\n");
    return 0;
}
