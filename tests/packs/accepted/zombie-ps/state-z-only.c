/* `ps -o pid,stat,comm` shows the zombie by its state Z alone, as procps does: comm has no <defunct>. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
    pid_t pid = fork();
    if (pid == 0) { sleep(1); exit(3); }
    sleep(2);
    system("ps -e -o pid,stat,comm");
    int status;
    wait(&status);
    printf("reaped %d, exit status %d\n", pid, WEXITSTATUS(status));
    system("ps -e -o pid,stat,comm");
    return 0;
}
