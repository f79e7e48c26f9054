// fork() || fork(): the parent sees non-zero and skips the second fork; the first child
// forks again. 3 processes.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t first = getpid();
    int result = fork() || fork();
    int count = 1, status;
    while (wait(&status) > 0) count += WEXITSTATUS(status);
    if (getpid() != first) _exit(count);
    printf("fork() || fork(): %d processes, the original saw %d\n", count, result);
    return 0;
}
