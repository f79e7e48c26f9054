// Parent and child take turns with SIGUSR1: each waits for the other's signal before sending
// its own, so the lines alternate in a fixed order.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile sig_atomic_t got = 0;

static void on_usr1(int sig) {
    (void)sig;
    got = 1;
}

static void wait_for_signal(void) {
    while (!got) usleep(500);
    got = 0;
}

int main(void) {
    signal(SIGUSR1, on_usr1);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        for (int i = 0; i < 3; i++) {
            wait_for_signal();
            printf("  child: pong %d\n", i);
            fflush(stdout);
            kill(parent, SIGUSR1);
        }
        _exit(0);
    }
    for (int i = 0; i < 3; i++) {
        printf("parent: ping %d\n", i);
        fflush(stdout);
        kill(pid, SIGUSR1);
        wait_for_signal();
    }
    waitpid(pid, NULL, 0);
    return 0;
}
