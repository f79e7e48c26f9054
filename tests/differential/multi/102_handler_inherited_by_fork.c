// Signal handlers are copied by fork: the child's raise(SIGUSR1) runs the parent's handler.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static void on_usr1(int sig) {
    printf("handler for signal %d\n", sig);
}

int main(void) {
    signal(SIGUSR1, on_usr1);
    pid_t pid = fork();
    if (pid == 0) {
        raise(SIGUSR1);
        printf("child survived its SIGUSR1\n");
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("child exited normally: %s\n", WIFEXITED(status) ? "yes" : "no");
    return 0;
}
