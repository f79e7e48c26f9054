// Writing into a string literal (read-only data) faults in the child only.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    char *text = "read-only";
    pid_t pid = fork();
    if (pid == 0) {
        text[0] = 'R';
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("child: signal %d; parent still reads \"%s\"\n", WTERMSIG(status), text);
    return 0;
}
