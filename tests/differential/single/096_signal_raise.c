// Signal handlers in one process: signal() and sigaction() install them, raise() and
// kill(getpid()) deliver synchronously, SIG_IGN ignores, the handler sees the signal number.
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t received;

static void on_signal(int sig)
{
    received = sig;
    const char *msg = "  (in handler)\n";
    write(STDOUT_FILENO, msg, strlen(msg));
}

int main(void)
{
    signal(SIGUSR1, on_signal);
    printf("raising SIGUSR1 (%d)\n", SIGUSR1);
    raise(SIGUSR1);
    printf("handler saw %d\n", (int)received);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa); /* empty mask, no flags */
    sa.sa_handler = on_signal;
    sigaction(SIGUSR2, &sa, NULL);
    kill(getpid(), SIGUSR2);
    printf("handler saw %d\n", (int)received);

    signal(SIGINT, SIG_IGN);
    raise(SIGINT);
    printf("SIGINT ignored, still running\n");
    void (*old)(int) = signal(SIGUSR1, SIG_DFL);
    printf("previous SIGUSR1 handler was ours: %s\n", old == on_signal ? "yes" : "no");
    printf("SIGSEGV %d SIGFPE %d SIGABRT %d SIGKILL %d SIGTERM %d SIGCHLD %d SIGALRM %d SIGPIPE %d\n", SIGSEGV,
           SIGFPE, SIGABRT, SIGKILL, SIGTERM, SIGCHLD, SIGALRM, SIGPIPE);
    return 0;
}
