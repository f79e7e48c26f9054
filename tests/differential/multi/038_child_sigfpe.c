// Integer division by zero in a child: SIGFPE, reported by the parent.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int divide(int a, int b) { return a / b; }

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        int zero = 0;
        printf("%d\n", divide(10, zero));
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("killed by signal %d, is SIGFPE: %s\n", WTERMSIG(status), WTERMSIG(status) == SIGFPE ? "yes" : "no");
    return 0;
}
