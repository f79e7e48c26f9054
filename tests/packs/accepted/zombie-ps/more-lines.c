/* Lines of its own around the listings, and a line printed after the last one. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
    pid_t pid = fork();
    if (pid == 0) { sleep(1); exit(3); }
    sleep(2);
    printf("before reaping:\n");
    fflush(stdout);
    system("ps -o pid,ppid,stat,cmd");
    int status;
    if (waitpid(pid, &status, 0) < 0) { perror("waitpid"); return 1; }
    printf("reaped %d, exit status %d\n", pid, WEXITSTATUS(status));
    printf("after reaping:\n");
    fflush(stdout);
    system("ps -o pid,ppid,stat,cmd");
    printf("done\n");
    return 0;
}
