// 200 short-lived children one at a time: each exits at once and is reaped before the next,
// so at most two processes exist at any moment (no process limit is approached).
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int failures = 0, total = 0;
    for (int i = 0; i < 200; i++) {
        pid_t pid = fork();
        if (pid < 0) {
            failures++;
            continue;
        }
        if (pid == 0) _exit(i % 7);
        int status;
        if (waitpid(pid, &status, 0) == pid) total += WEXITSTATUS(status);
    }
    printf("forks failed: %d, sum of statuses: %d\n", failures, total);
    return 0;
}
