// sigsuspend's mask holds during the sleep and inside the handler that ends it: a pending SIGUSR2
// that the mask keeps blocked stays pending, SIGUSR1 wakes the process, its handler runs with
// SIGUSR2 (the suspend mask) and SIGUSR1 (its own) blocked, and after sigsuspend returns the
// old mask is back. Unblocking SIGUSR2 then delivers it.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t usr1_saw_usr2_blocked = -1, usr1_saw_usr1_blocked = -1, usr2_count = 0;

static void on_usr1(int sig) {
    (void) sig;
    sigset_t now;
    sigprocmask(SIG_SETMASK, NULL, &now);
    usr1_saw_usr2_blocked = sigismember(&now, SIGUSR2);
    usr1_saw_usr1_blocked = sigismember(&now, SIGUSR1);
}

static void on_usr2(int sig) {
    (void) sig;
    usr2_count++;
}

int main(void) {
    signal(SIGUSR1, on_usr1);
    signal(SIGUSR2, on_usr2);
    sigset_t both, old;
    sigemptyset(&both);
    sigaddset(&both, SIGUSR1);
    sigaddset(&both, SIGUSR2);
    sigprocmask(SIG_BLOCK, &both, &old);
    raise(SIGUSR2);

    int ready[2];
    pipe(ready);
    pid_t pid = fork();
    if (pid == 0) {
        char c;
        read(ready[0], &c, 1); /* the parent is about to sleep */
        kill(getppid(), SIGUSR1);
        return 0;
    }
    write(ready[1], "x", 1);

    sigset_t only_usr2;
    sigemptyset(&only_usr2);
    sigaddset(&only_usr2, SIGUSR2);
    errno = 0;
    int r = sigsuspend(&only_usr2);
    printf("sigsuspend: %d %s\n", r, errno == EINTR ? "EINTR" : "?");
    printf("in the SIGUSR1 handler: SIGUSR2 blocked %d, SIGUSR1 blocked %d\n", usr1_saw_usr2_blocked, usr1_saw_usr1_blocked);
    sigset_t pending, now;
    sigpending(&pending);
    sigprocmask(SIG_SETMASK, NULL, &now);
    printf("after: SIGUSR2 pending %d, SIGUSR1 blocked %d, SIGUSR2 handled %d times\n",
           sigismember(&pending, SIGUSR2), sigismember(&now, SIGUSR1), usr2_count);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("unblocked: SIGUSR2 handled %d times\n", usr2_count);
    waitpid(pid, NULL, 0);
    return 0;
}
