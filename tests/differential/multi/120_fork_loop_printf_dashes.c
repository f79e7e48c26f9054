// for (i = 0; i < 2; i++) { fork(); printf("-"); } prints 8 dashes, not 6: the buffered dashes
// are copied by the second fork. Every process waits for its children, so all dashes are
// written before the newline.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t first = getpid();
    for (int i = 0; i < 2; i++) {
        fork();
        printf("-");
    }
    fflush(stdout);
    while (wait(NULL) > 0) {
    }
    if (getpid() == first) printf("\n");
    return 0;
}
