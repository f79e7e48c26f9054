// A child stopped by SIGSTOP shows state T in ps; after SIGCONT and exit it is reaped.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static void show_state(pid_t pid) {
    char pidstr[16];
    snprintf(pidstr, sizeof pidstr, "%d", pid);
    fflush(stdout);
    pid_t ps = fork();
    if (ps == 0) {
        execlp("ps", "ps", "-o", "s=,comm=", "-p", pidstr, (char *)NULL);
        _exit(127);
    }
    waitpid(ps, NULL, 0);
}

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        raise(SIGSTOP);
        _exit(2);
    }
    int status;
    waitpid(pid, &status, WUNTRACED);
    printf("stopped: ");
    show_state(pid);
    kill(pid, SIGCONT);
    waitpid(pid, &status, 0);
    printf("then exited with %d\n", WEXITSTATUS(status));
    return 0;
}
