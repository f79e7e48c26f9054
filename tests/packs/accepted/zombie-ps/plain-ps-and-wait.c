/* Plain `ps` (procps' default columns: <defunct> after the command) and wait(&status) instead of waitpid. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
    pid_t pid = fork();
    if (pid == 0) { sleep(1); exit(3); }
    sleep(2);
    system("ps");
    int status;
    wait(&status);
    printf("reaped %d, exit status %d\n", pid, WEXITSTATUS(status));
    system("ps");
    return 0;
}
