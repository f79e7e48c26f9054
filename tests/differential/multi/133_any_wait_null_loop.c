// outputs: any
// runs: 100
// Three children each print two lines; the parent reaps them with while (wait(NULL) > 0).
// Each child's lines stay in order; the children's lines interleave in any way (90 orders).
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    for (int i = 0; i < 3; i++) {
        if (fork() == 0) {
            printf("child %d: first\n", i);
            printf("child %d: second\n", i);
            exit(0);
        }
    }
    while (wait(NULL) > 0)
        ;
    printf("parent: all reaped\n");
    return 0;
}
