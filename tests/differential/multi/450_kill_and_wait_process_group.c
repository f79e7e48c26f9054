// Signals and waits for a process group: three children move into a new group (the first
// child's pid, set by both the parent and the child, as shells do), a fourth stays in the
// parent's group. kill(-pgid) reaches exactly the three, waitpid(-pgid) reaps exactly them;
// kill(0) reaches the parent's own group (the fourth child, and the parent itself, which
// catches it), waitpid(0) reaps the fourth. killpg of a group with no process left is ESRCH.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t parent_got = 0;
static void on_usr1(int sig) { parent_got = sig; }

int main(void) {
    pid_t group = 0, kids[3];
    for (int i = 0; i < 3; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            setpgid(0, group);
            for (;;) pause();
        }
        if (group == 0) group = pid;
        setpgid(pid, group);
        kids[i] = pid;
    }
    pid_t other = fork();
    if (other == 0) {
        for (;;) pause();
    }
    signal(SIGUSR1, on_usr1);
    int in_group = 0;
    for (int i = 0; i < 3; i++) in_group += getpgid(kids[i]) == group;
    printf("children in the new group: %d, the fourth in ours: %s\n", in_group, getpgid(other) == getpgrp() ? "yes" : "no");

    printf("kill(-group, SIGTERM): %d\n", kill(-group, SIGTERM));
    int reaped = 0, by_term = 0, status;
    pid_t r;
    while ((r = waitpid(-group, &status, 0)) > 0) {
        reaped++;
        by_term += WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM;
    }
    printf("waitpid(-group) reaped %d (%d by SIGTERM), then %s\n", reaped, by_term, errno == ECHILD ? "ECHILD" : strerror(errno));
    int k = killpg(group, 0);
    printf("killpg(group, 0): %d %s\n", k, strerror(errno));
    k = killpg(-1, SIGTERM);
    printf("killpg(-1, SIGTERM): %d %s\n", k, strerror(errno));

    printf("kill(0, SIGUSR1): %d\n", kill(0, SIGUSR1));
    r = waitpid(0, &status, 0);
    printf("waitpid(0) reaped the fourth: %s, by signal %d; the parent's handler got %d\n", r == other ? "yes" : "no", WIFSIGNALED(status) ? WTERMSIG(status) : 0, parent_got);
    r = waitpid(0, NULL, 0);
    printf("waitpid(0) again: %d %s\n", r, errno == ECHILD ? "ECHILD" : strerror(errno));
    return 0;
}
