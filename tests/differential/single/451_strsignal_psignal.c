// strsignal and psignal print glibc's descriptions: the standard signals by name, the real-time
// ones as "Real-time signal N" (strsignal only), anything else as "Unknown signal N". (SIGSEGV's
// and SIGFPE's are left out: the corpus keeps those words for what a shell would print.)
#include <signal.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    int signals[] = { 0, SIGHUP, SIGINT, SIGKILL, SIGBUS, SIGPIPE, SIGCHLD, SIGSTOP, SIGTSTP, 31, 32, 34, 40, 64, 65, -3 };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) printf("%3d: %s\n", signals[i], strsignal(signals[i]));
    char *first = strsignal(SIGTERM);
    printf("kept: %s\n", first);
    fflush(stdout);
    psignal(SIGINT, "caught");
    psignal(SIGUSR1, "");
    psignal(SIGALRM, NULL);
    psignal(40, "real-time");
    psignal(99, "bad");
    return 0;
}
