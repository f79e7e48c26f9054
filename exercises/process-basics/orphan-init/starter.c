#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        printf("child: my parent is now %d\n", getppid());
        return 0;
    }
    wait(NULL);
    printf("parent: %d exiting\n", parent);
    return 0;
}
