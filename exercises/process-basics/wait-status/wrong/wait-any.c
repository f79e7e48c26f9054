/* wait() takes whichever child ends first, so the labels can land on the wrong child. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int divide(int a, int b) {
    return a / b;
}

void report(const char *name, int status) {
    if (WIFEXITED(status))
        printf("%s: exited with %d\n", name, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("%s: killed by signal %d\n", name, WTERMSIG(status));
}

int main(void) {
    pid_t first = fork();
    if (first == 0) {
        sleep(1);
        exit(7);
    }
    pid_t second = fork();
    if (second == 0) {
        printf("%d\n", divide(1, 0));
        exit(0);
    }
    int status;
    wait(&status);
    report("first child", status);
    wait(&status);
    report("second child", status);
    return 0;
}
