// The same write in a fork child and in a vfork child: only the vfork child's is seen.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int counter = 0;

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        counter += 10;
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("after fork child:  counter = %d\n", counter);
    pid = vfork();
    if (pid == 0) {
        counter += 10;
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("after vfork child: counter = %d\n", counter);
    return 0;
}
