// fork() && fork(): the first child sees 0 and skips the second fork, so 3 processes in all.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t first = getpid();
    int second_forked = fork() && fork();
    int count = 1, status;
    while (wait(&status) > 0) count += WEXITSTATUS(status);
    if (getpid() != first) _exit(count);
    printf("fork() && fork(): %d processes, the original saw %d\n", count, second_forked);
    return 0;
}
