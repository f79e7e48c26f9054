// Several SIGCHLDs can merge into one, so the handler reaps in a WNOHANG loop; all three
// children are collected whatever the timing.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile sig_atomic_t reaped = 0;
static volatile sig_atomic_t status_sum = 0;

static void on_sigchld(int sig) {
    (void)sig;
    int status;
    while (waitpid(-1, &status, WNOHANG) > 0) {
        reaped++;
        status_sum += WEXITSTATUS(status);
    }
}

int main(void) {
    struct sigaction sa;
    sa.sa_handler = on_sigchld;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);
    for (int i = 1; i <= 3; i++) {
        if (fork() == 0) _exit(i);
    }
    while (reaped < 3) usleep(1000);
    printf("reaped %d children, statuses add up to %d\n", reaped, status_sum);
    return 0;
}
