// abort() in a child: SIGABRT. The child's unflushed output is lost (abort does not flush).
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        printf("unflushed text ");
        abort();
    }
    int status;
    waitpid(pid, &status, 0);
    printf("WIFSIGNALED=%d WTERMSIG=%d (SIGABRT is %d)\n", WIFSIGNALED(status) != 0, WTERMSIG(status), SIGABRT);
    return 0;
}
