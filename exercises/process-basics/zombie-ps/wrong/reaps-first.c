/* Reaps the child before looking: by the time ps runs there is no zombie left to see. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        sleep(1);
        exit(3);
    }
    int status;
    waitpid(pid, &status, 0);
    system("ps -o pid,ppid,stat,cmd");
    printf("reaped %d, exit status %d\n", pid, WEXITSTATUS(status));
    system("ps -o pid,ppid,stat,cmd");
    return 0;
}
