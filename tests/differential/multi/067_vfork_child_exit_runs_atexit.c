// The vfork pitfall: a child that calls exit() instead of _exit() runs the atexit handlers and
// flushes stdio in the memory it shares with the parent. With glibc the handler list is
// consumed as it runs, so the parent's own exit finds it empty: the handler runs once, in the
// child. The buffered "start " is flushed by the child too, and not printed again.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static void handler(void) {
    printf("[atexit handler]\n");
}

int main(void) {
    atexit(handler);
    printf("start ");
    pid_t pid = vfork();
    if (pid == 0) exit(0);
    waitpid(pid, NULL, 0);
    printf("parent after the child's exit\n");
    return 0;
}
