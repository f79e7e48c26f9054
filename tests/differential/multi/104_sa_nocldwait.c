// With SA_NOCLDWAIT on SIGCHLD, children do not become zombies: wait blocks until they have all
// ended, then fails with ECHILD.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    struct sigaction sa;
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_NOCLDWAIT;
    sigaction(SIGCHLD, &sa, NULL);
    for (int i = 0; i < 3; i++) {
        if (fork() == 0) _exit(i);
    }
    int status;
    int r = wait(&status);
    printf("wait returned %d: %s\n", r, strerror(errno));
    return 0;
}
