// The classic way to wait for a signal without a race: block SIGCHLD, fork, and let sigsuspend
// unblock it and sleep in one atomic step. The child's exit makes SIGCHLD pending while it is
// blocked (sigpending shows it); sigsuspend takes it at once, runs the handler, returns -1 with
// EINTR, and puts the old mask (SIGCHLD blocked) back.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t handled = 0;

static void on_child(int sig) {
    handled = sig;
    const char msg[] = "handler: SIGCHLD\n";
    write(STDOUT_FILENO, msg, sizeof msg - 1);
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_child;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGCHLD, &sa, NULL);

    sigset_t chld, before;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &before);

    pid_t pid = fork();
    if (pid == 0) {
        printf("child: exiting with 3\n");
        exit(3);
    }
    sigset_t pending;
    do {
        sigpending(&pending);
    } while (!sigismember(&pending, SIGCHLD));
    printf("parent: SIGCHLD pending while blocked, handler ran: %s\n", handled ? "yes" : "no");

    errno = 0;
    int r = sigsuspend(&before);
    int saved = errno;
    printf("sigsuspend returned %d (%s), handler ran: %s\n", r, saved == EINTR ? "EINTR" : strerror(saved), handled == SIGCHLD ? "yes" : "no");

    sigset_t now;
    sigprocmask(SIG_SETMASK, NULL, &now);
    printf("SIGCHLD blocked again after sigsuspend: %s\n", sigismember(&now, SIGCHLD) ? "yes" : "no");
    sigpending(&pending);
    printf("SIGCHLD still pending: %s\n", sigismember(&pending, SIGCHLD) ? "yes" : "no");

    int status;
    waitpid(pid, &status, 0);
    printf("child exited with %d\n", WEXITSTATUS(status));
    return 0;
}
