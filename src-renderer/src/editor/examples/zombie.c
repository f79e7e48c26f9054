/* A zombie: the child exits at once, but its parent sleeps before
   calling wait, so the child stays in the process table as a zombie
   (state Z, "<defunct>") until it is reaped. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        printf("child %d: exiting now\n", getpid());
        exit(7);
    }
    sleep(2);               /* the child is a zombie meanwhile */
    int status;
    wait(&status);          /* reaps it: the zombie is gone */
    printf("parent: reaped %d, exit status %d\n", pid, WEXITSTATUS(status));
    return 0;
}
