// setbuf(stdout, NULL) makes stdout unbuffered: nothing is pending at fork, so nothing is
// printed twice.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    setbuf(stdout, NULL);
    printf("no newline, but unbuffered ");
    pid_t pid = fork();
    if (pid == 0) {
        printf("(child)");
        return 0;
    }
    waitpid(pid, NULL, 0);
    printf("(parent)\n");
    return 0;
}
