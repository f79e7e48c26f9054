/* Shows the zombie but never reaps it: init has to clean up after the parent. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        sleep(1);
        exit(3);
    }
    sleep(2);
    system("ps -o pid,ppid,stat,cmd");
    printf("reaped %d, exit status 3\n", pid);
    return 0;
}
