// outputs: any
// runs: 100
// Two children print a line each; the parent reaps them with while (wait(NULL) > 0), whose
// result it does not use, and prints last. The children's lines come in either order; the
// parent's line always follows both.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    for (int i = 0; i < 2; i++) {
        if (fork() == 0) {
            printf("child %d\n", i);
            exit(0);
        }
    }
    while (wait(NULL) > 0)
        ;
    printf("parent: all reaped\n");
    return 0;
}
