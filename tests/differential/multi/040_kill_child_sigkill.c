// The parent kills a child that sleeps in pause(): SIGKILL cannot be caught.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        for (;;) pause();
    }
    printf("kill returned %d\n", kill(pid, SIGKILL));
    int status;
    waitpid(pid, &status, 0);
    printf("child killed by signal %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : -1);
    return 0;
}
