// A child's unflushed printf text: exit() flushes it, _exit() throws it away.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        printf("[exit: printed]");
        exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("\n");
    pid = fork();
    if (pid == 0) {
        printf("[_exit: lost]");
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent done\n");
    return 0;
}
