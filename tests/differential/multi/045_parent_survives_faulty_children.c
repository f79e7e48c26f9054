// A supervisor restarts a crashing worker until it succeeds (on its third attempt).
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static int attempt_work(int attempt) {
    int *table = NULL;
    if (attempt < 3) return table[attempt];  /* crashes */
    return 0;
}

int main(void) {
    for (int attempt = 1;; attempt++) {
        pid_t pid = fork();
        if (pid == 0) _exit(attempt_work(attempt));
        int status;
        waitpid(pid, &status, 0);
        if (WIFSIGNALED(status)) {
            printf("attempt %d: worker died of signal %d, restarting\n", attempt, WTERMSIG(status));
            continue;
        }
        printf("attempt %d: worker exited with %d\n", attempt, WEXITSTATUS(status));
        break;
    }
    return 0;
}
