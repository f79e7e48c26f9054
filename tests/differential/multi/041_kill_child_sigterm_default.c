// SIGTERM's default action ends the child; the parent tells exit from signal apart.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        for (;;) pause();
    }
    kill(pid, SIGTERM);
    int status;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status)) printf("exited with %d\n", WEXITSTATUS(status));
    else if (WIFSIGNALED(status)) printf("terminated by signal %d (SIGTERM=%d)\n", WTERMSIG(status), SIGTERM);
    return 0;
}
