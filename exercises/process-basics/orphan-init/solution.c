#include <stdio.h>
#include <unistd.h>

int main(void) {
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        while (getppid() == parent)     /* still the original parent's child */
            sleep(1);
        printf("child: my parent is now %d\n", getppid());
        return 0;
    }
    printf("parent: %d exiting\n", parent);
    return 0;
}
