// The child catches SIGTERM and exits cleanly with a status of its choosing. A pipe tells the
// parent when the handler is installed, so the signal cannot arrive too early.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static void on_term(int sig) {
    printf("child: caught signal %d, cleaning up\n", sig);
    exit(3);
}

int main(void) {
    int ready[2];
    pipe(ready);
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGTERM, on_term);
        write(ready[1], "r", 1);
        for (;;) pause();
    }
    char c;
    read(ready[0], &c, 1);
    kill(pid, SIGTERM);
    int status;
    waitpid(pid, &status, 0);
    printf("parent: WIFEXITED=%d status %d\n", WIFEXITED(status) != 0, WEXITSTATUS(status));
    return 0;
}
