// args: 5
// The classic exercise: fork n children whose pids are kept in a variable-length array
// (pid_t kids[n]), then wait for each in the order they were made and print its status.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char *argv[])
{
    int n = argc > 1 ? atoi(argv[1]) : 4;
    pid_t kids[n];
    printf("parent: room for %d children (%zu bytes)\n", n, sizeof kids);
    fflush(stdout);
    for (int i = 0; i < n; i++) {
        kids[i] = fork();
        if (kids[i] < 0) {
            perror("fork");
            return 1;
        }
        if (kids[i] == 0)
            exit(10 + i);
    }
    for (int i = 0; i < n; i++) {
        int status;
        pid_t done = waitpid(kids[i], &status, 0);
        printf("child %d: reaped its own pid: %s, exit status %d\n", i, done == kids[i] ? "yes" : "no", WEXITSTATUS(status));
    }
    return 0;
}
