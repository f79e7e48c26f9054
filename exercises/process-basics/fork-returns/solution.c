#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        printf("child: fork returned 0, my pid is %d\n", getpid());
        return 0;
    }
    printf("parent: fork returned %d\n", pid);
    waitpid(pid, NULL, 0);
    return 0;
}
