// waitpid for a given pid: the parent collects three children in the reverse of their
// creation, whatever order they ended in.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t kids[3];
    for (int i = 0; i < 3; i++) {
        kids[i] = fork();
        if (kids[i] == 0) _exit(20 + i);
    }
    for (int i = 2; i >= 0; i--) {
        int status;
        pid_t got = waitpid(kids[i], &status, 0);
        printf("waitpid(child %d) -> right pid: %s, status %d\n", i, got == kids[i] ? "yes" : "no",
               WEXITSTATUS(status));
    }
    return 0;
}
