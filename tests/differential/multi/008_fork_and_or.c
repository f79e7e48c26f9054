// fork() && fork() || fork(): 5 processes (the classic exam question).
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t first = getpid();
    (void)((fork() && fork()) || fork());  /* && binds tighter than || */
    int count = 1, status;
    while (wait(&status) > 0) count += WEXITSTATUS(status);
    if (getpid() != first) _exit(count);
    printf("fork() && fork() || fork(): %d processes\n", count);
    return 0;
}
