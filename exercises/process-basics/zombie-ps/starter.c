#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        sleep(1);           /* the child's "work" */
        exit(3);
    }
    system("ps -o pid,ppid,stat,cmd");
    return 0;
}
