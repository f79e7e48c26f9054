// for (i = 0; i < 3; i++) fork();  makes 2^3 = 8 processes, counted through exit statuses.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t first = getpid();
    for (int i = 0; i < 3; i++) fork();
    int count = 1, status;
    while (wait(&status) > 0) count += WEXITSTATUS(status);
    if (getpid() != first) _exit(count);
    printf("processes after 3 forks in a loop: %d\n", count);
    return 0;
}
