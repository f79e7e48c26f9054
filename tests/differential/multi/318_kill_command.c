/* Signalling a child from the shell: kill -TERM PID through system(); the parent sees the
   child killed by SIGTERM. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) { pause(); _exit(0); }
    char cmd[64];
    sprintf(cmd, "kill -TERM %d && echo sent", (int)pid);
    system(cmd);
    int status;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) printf("child killed by signal %d\n", WTERMSIG(status));
    sprintf(cmd, "kill -9 %d 2>/dev/null || echo no such process", (int)pid);
    system(cmd);
    return 0;
}
