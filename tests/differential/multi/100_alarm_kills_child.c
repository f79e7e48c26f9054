// SIGALRM's default action ends a child stuck in pause().
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        alarm(1);
        for (;;) pause();
    }
    int status;
    waitpid(pid, &status, 0);
    printf("child ended by signal %d (SIGALRM is %d)\n", WTERMSIG(status), SIGALRM);
    return 0;
}
