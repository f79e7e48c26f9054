// signal(SIGCHLD, SIG_IGN): children are reaped by the kernel as they exit, so waitpid on a
// child's pid fails with ECHILD once it has gone.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    signal(SIGCHLD, SIG_IGN);
    pid_t pid = fork();
    if (pid == 0) _exit(5);
    int status;
    pid_t r = waitpid(pid, &status, 0);
    printf("waitpid returned %d, ECHILD: %s\n", r, errno == ECHILD ? "yes" : "no");
    printf("and kill(pid, 0) finds no such process: %s\n", kill(pid, 0) == -1 && errno == ESRCH ? "yes" : "no");
    return 0;
}
