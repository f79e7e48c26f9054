// The child's parent is the process that called fork; the child has a pid of its own.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t me = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        printf("child: getppid() == parent's getpid(): %s\n", getppid() == me ? "yes" : "no");
        printf("child: getpid() differs from the parent's: %s\n", getpid() != me ? "yes" : "no");
        return 0;
    }
    waitpid(pid, NULL, 0);
    printf("parent: still the same pid after fork: %s\n", getpid() == me ? "yes" : "no");
    return 0;
}
