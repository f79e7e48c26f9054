#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int divide(int a, int b) {
    return a / b;
}

/* Prints how the child `pid` ended, from its status word. */
void report(const char *name, pid_t pid) {
    int status;
    if (waitpid(pid, &status, 0) < 0) {
        perror("waitpid");
        return;
    }
    if (WIFEXITED(status))
        printf("%s: exited with %d\n", name, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("%s: killed by signal %d\n", name, WTERMSIG(status));
}

int main(int argc, char *argv[]) {
    int code = argc > 1 ? atoi(argv[1]) : 7;   /* the first child's exit code */
    pid_t first = fork();
    if (first == 0)
        exit(code);
    pid_t second = fork();
    if (second == 0) {
        printf("%d\n", divide(1, 0));
        exit(0);
    }
    report("first child", first);
    report("second child", second);
    return 0;
}
