// _exit skips atexit handlers: the handler registered before fork runs only once, in the
// parent, because the child leaves with _exit.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static pid_t parent_pid;

static void handler(void) {
    printf("handler runs in the parent: %s\n", getpid() == parent_pid ? "yes" : "no");
}

int main(void) {
    parent_pid = getpid();
    atexit(handler);
    pid_t pid = fork();
    if (pid == 0) _exit(0);
    waitpid(pid, NULL, 0);
    printf("parent returns from main\n");
    return 0;
}
