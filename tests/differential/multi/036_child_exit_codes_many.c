// The parent reads each child's exit status through WEXITSTATUS; a failing child is reported.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static int work(int n) {
    return n % 3 == 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}

int main(void) {
    for (int n = 1; n <= 6; n++) {
        pid_t pid = fork();
        if (pid == 0) exit(work(n));
        int status;
        waitpid(pid, &status, 0);
        printf("task %d: %s\n", n, WEXITSTATUS(status) == EXIT_SUCCESS ? "ok" : "failed");
    }
    return 0;
}
