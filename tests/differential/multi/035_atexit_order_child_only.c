// Handlers run in reverse order of registration. The child registers one more after fork:
// it runs only in the child.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static void first(void) { printf("first registered\n"); }
static void second(void) { printf("second registered\n"); }
static void child_only(void) { printf("registered by the child\n"); }

int main(void) {
    atexit(first);
    atexit(second);
    pid_t pid = fork();
    if (pid == 0) {
        atexit(child_only);
        printf("child exits\n");
        exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent exits\n");
    return 0;
}
