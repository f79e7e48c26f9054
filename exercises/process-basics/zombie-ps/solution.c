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
    sleep(2);                           /* the child has exited by now: it is a zombie */
    system("ps -o pid,ppid,stat,cmd");

    int status;
    if (waitpid(pid, &status, 0) == pid && WIFEXITED(status))
        printf("reaped %d, exit status %d\n", pid, WEXITSTATUS(status));
    system("ps -o pid,ppid,stat,cmd");
    return 0;
}
