// vfork, exec fails: the child must _exit (not exit, not return). It records errno in a shared
// variable, which the parent can read because the memory is shared.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int exec_errno = 0;

int main(void) {
    pid_t pid = vfork();
    if (pid == 0) {
        execl("/missing/tool", "tool", (char *)NULL);
        exec_errno = errno;
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("status %d, the child's exec failed with: %s\n", WEXITSTATUS(status), strerror(exec_errno));
    return 0;
}
