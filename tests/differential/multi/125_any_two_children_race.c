// outputs: any
// runs: 100
// Two children print one line each at once; the parent waits for both and prints last.
// Possible: "A" before "B" or "B" before "A"; "done" is always last.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    if (fork() == 0) {
        printf("child A\n");
        return 0;
    }
    if (fork() == 0) {
        printf("child B\n");
        return 0;
    }
    while (wait(NULL) > 0) {
    }
    printf("done\n");
    return 0;
}
