// A child that has exited but is not yet reaped is a zombie: ps shows its state as Z. After
// waitpid it is gone and ps finds nothing (exit status 1). Only the state letter and the
// command name are printed, never pids.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile sig_atomic_t child_ended = 0;

static void on_chld(int sig) {
    (void)sig;
    child_ended = 1;
}

static int show_state(pid_t pid) {
    char pidstr[16];
    snprintf(pidstr, sizeof pidstr, "%d", pid);
    fflush(stdout);
    pid_t ps = fork();
    if (ps == 0) {
        execlp("ps", "ps", "-o", "s=,comm=", "-p", pidstr, (char *)NULL);
        _exit(127);
    }
    int status;
    waitpid(ps, &status, 0);
    return WEXITSTATUS(status);
}

int main(void) {
    signal(SIGCHLD, on_chld);
    pid_t pid = fork();
    if (pid == 0) _exit(0);
    while (!child_ended) usleep(1000);
    printf("before waitpid:\n");
    printf("ps exited %d\n", show_state(pid));
    waitpid(pid, NULL, 0);
    printf("after waitpid:\n");
    printf("ps exited %d\n", show_state(pid));
    return 0;
}
