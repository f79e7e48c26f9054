// A parent makes three children one after the other and waits for each before the next:
// the output order is forced.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    for (int i = 0; i < 3; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            printf("child %d running\n", i);
            exit(10 + i);
        }
        int status;
        waitpid(pid, &status, 0);
        printf("parent: child %d exited with %d\n", i, WEXITSTATUS(status));
    }
    return 0;
}
