/* Mixes up the two return values: the parent believes it is the child. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid != 0) {
        printf("child: fork returned 0, my pid is %d\n", getpid());
        wait(NULL);
        return 0;
    }
    printf("parent: fork returned %d\n", getpid());
    return 0;
}
