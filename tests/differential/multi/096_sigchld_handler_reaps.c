// A SIGCHLD handler reaps the child; main waits for the handler's flag (polling with usleep,
// which a signal may interrupt safely).
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile sig_atomic_t reaped = 0;
static volatile sig_atomic_t child_status = -1;

static void on_sigchld(int sig) {
    (void)sig;
    int status;
    if (waitpid(-1, &status, WNOHANG) > 0) {
        child_status = WEXITSTATUS(status);
        reaped = 1;
    }
}

int main(void) {
    signal(SIGCHLD, on_sigchld);
    if (fork() == 0) _exit(8);
    while (!reaped) usleep(1000);
    printf("the handler reaped a child with status %d\n", child_status);
    return 0;
}
