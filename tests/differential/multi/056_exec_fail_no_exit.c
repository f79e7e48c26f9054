// The classic bug: the child forgets to exit after a failed exec, so it carries on into the
// parent's code and the "parent" lines are printed twice (first by the child, which waits in
// vain: it has no children).
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/no-such-tool", "no-such-tool", (char *)NULL);
        printf("exec failed\n");
        /* missing: _exit(127); */
    }
    int status = 0;
    pid_t got = wait(&status);
    printf("parent code: wait returned %s\n", got > 0 ? "a child" : "-1");
    return 0;
}
