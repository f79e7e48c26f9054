// stdout: pipe
// outputs: any
// runs: 100
/*
 * `./prog | cat`: stdout is a pipe that cat copies to the terminal; stderr is the terminal
 * itself. "out 1" is in the pipe before "err 1" is written, yet "err 1" can reach the terminal
 * first: cat has not passed "out 1" on yet. Whatever the order, each stream keeps its own.
 */
#include <stdio.h>

int main(void) {
    printf("out 1\n");
    fflush(stdout);
    fprintf(stderr, "err 1\n");
    printf("out 2\n");
    fflush(stdout);
    fprintf(stderr, "err 2\n");
    return 0;
}
