// Two forks in a row make four processes. Each process reports 1 + the processes its own
// children report, through the exit status, so the first process can print the total.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static int collect_children(void) {
    int total = 0, status;
    while (wait(&status) > 0) total += WEXITSTATUS(status);
    return total;
}

int main(void) {
    pid_t first = getpid();
    fork();
    fork();
    int count = 1 + collect_children();
    if (getpid() != first) _exit(count);
    printf("processes: %d\n", count);
    return 0;
}
