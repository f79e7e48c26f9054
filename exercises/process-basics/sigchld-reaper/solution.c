#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>

volatile int reaped = 0;

/* Reaps every child that has ended. Signals do not queue: one SIGCHLD may stand for several
   children, so loop until waitpid finds no more zombies. */
void on_sigchld(int sig) {
    int saved = errno;          /* waitpid may change errno under the interrupted code */
    while (waitpid(-1, NULL, WNOHANG) > 0)
        reaped++;
    errno = saved;
}

/* The parent's own work: `seconds` of sleep, carried on when a signal interrupts it. */
void work(unsigned seconds) {
    unsigned left = seconds;
    while (left > 0)
        left = sleep(left);
}

/* A child that ends after `seconds`. */
void start_child(unsigned seconds) {
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(1);
    }
    if (pid == 0) {
        sleep(seconds);
        _exit(0);
    }
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigchld;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGCHLD, &sa, NULL) < 0) {
        perror("sigaction");
        return 1;
    }
    start_child(1);             /* ends while the parent works */
    start_child(3);             /* these two end together, while SIGCHLD is blocked */
    start_child(3);

    work(2);
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);       /* a critical section: no handler in here */
    work(2);
    sigprocmask(SIG_UNBLOCK, &chld, NULL);     /* the pending SIGCHLD is delivered now */
    work(1);

    printf("parent: reaped %d children\n", reaped);
    return 0;
}
