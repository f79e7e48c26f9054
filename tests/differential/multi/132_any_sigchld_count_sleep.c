// outputs: any
// runs: 100
// Three children _exit while the parent sleeps in a loop; its SIGCHLD handler counts how often
// it ran. Signals of one kind do not queue: children that exit while a SIGCHLD is already
// pending are counted once, so the handler runs 1, 2 or 3 times (each sleep a signal interrupts
// ends early).
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile sig_atomic_t calls = 0;

static void on_child(int sig) {
    (void)sig;
    calls++;
}

int main(void) {
    signal(SIGCHLD, on_child);
    for (int i = 0; i < 3; i++)
        if (fork() == 0) _exit(0);
    for (int i = 0; i < 3; i++) usleep(50000);
    printf("handler ran %d\n", calls);
    return 0;
}
