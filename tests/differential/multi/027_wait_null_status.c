// wait(NULL) reaps without reporting the status.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        printf("child says hi\n");
        _exit(77);
    }
    printf("wait(NULL) returned the child: %s\n", wait(NULL) == pid ? "yes" : "no");
    return 0;
}
