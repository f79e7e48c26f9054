// An atexit handler registered before fork is copied with the memory: it runs when the child
// exits and again when the parent exits.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static const char *who = "parent";

static void goodbye(void) {
    printf("atexit handler in the %s\n", who);
}

int main(void) {
    atexit(goodbye);
    pid_t pid = fork();
    if (pid == 0) {
        who = "child";
        exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent returns from main\n");
    return 0;
}
