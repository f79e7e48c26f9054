/* Prints the right lines but never waits: the child is orphaned when the parent returns first. */
#include <stdio.h>
#include <unistd.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        printf("child: fork returned 0, my pid is %d\n", getpid());
        return 0;
    }
    printf("parent: fork returned %d\n", pid);
    return 0;
}
