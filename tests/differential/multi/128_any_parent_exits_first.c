// outputs: any
// runs: 100
// The parent prints and exits without waiting; the child prints too. Possible: either line
// first. The recorded exit status is always the parent's (0): the child's is never collected
// by the program.
#include <stdio.h>
#include <unistd.h>

int main(void) {
    if (fork() == 0) {
        printf("child (maybe an orphan by now)\n");
        return 3;
    }
    printf("parent leaves\n");
    return 0;
}
