// A child that returns from main exits with main's value, like exit(value).
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        printf("child returns 33 from main\n");
        return 33;
    }
    int status;
    waitpid(pid, &status, 0);
    printf("parent: WEXITSTATUS %d\n", WEXITSTATUS(status));
    return 0;
}
