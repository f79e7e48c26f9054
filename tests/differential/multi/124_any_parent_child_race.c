// outputs: any
// runs: 100
// Parent and child each print a line with nothing ordering them; the parent waits only after
// printing. Possible outcomes: the parent's line first (the usual one on Linux, where the
// parent keeps running after fork) or the child's first (the child ran first, or on another
// CPU). Each line is written whole (line-buffered, one write each), so lines never mix.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        printf("child\n");
        return 0;
    }
    printf("parent\n");
    waitpid(pid, NULL, 0);
    return 0;
}
