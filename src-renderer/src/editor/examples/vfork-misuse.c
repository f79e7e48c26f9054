/* vfork misused: the child borrows its parent's memory (nothing is
   copied) while the parent waits. Writing a variable, as this child
   does, changes the parent's variable too; only exec or _exit are safe
   in a vfork child. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int x = 1;
    pid_t pid = vfork();
    if (pid == 0) {
        x = 2;                      /* wrong: this is the parent's x */
        _exit(0);
    }
    printf("parent: x = %d (the child changed it)\n", x);
    waitpid(pid, NULL, 0);
    return 0;
}
