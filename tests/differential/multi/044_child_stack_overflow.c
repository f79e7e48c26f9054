// Unbounded recursion in a child runs off its stack: SIGSEGV. The parent is unaffected.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static int depth(int n) {
    volatile char pad[256];
    pad[0] = (char)n;
    return depth(n + 1) + pad[0];
}

int main(void) {
    pid_t pid = fork();
    if (pid == 0) _exit(depth(0));
    int status;
    waitpid(pid, &status, 0);
    printf("child: WIFSIGNALED=%d WTERMSIG=%d\n", WIFSIGNALED(status) != 0, WTERMSIG(status));
    printf("parent: fine\n");
    return 0;
}
