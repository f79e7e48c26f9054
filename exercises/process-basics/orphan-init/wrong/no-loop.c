/* Looks only once: when the child runs before the parent has gone, it still sees the parent. */
#include <stdio.h>
#include <unistd.h>

int main(void) {
    pid_t parent = getpid();
    if (fork() == 0) {
        printf("child: my parent is now %d\n", getppid());
        return 0;
    }
    printf("parent: %d exiting\n", parent);
    return 0;
}
