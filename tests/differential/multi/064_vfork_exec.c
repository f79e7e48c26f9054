// vfork + exec: the usual use. The parent resumes as soon as the child has exec'd.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = vfork();
    if (pid == 0) {
        execl("/bin/echo", "echo", "echo started by vfork", (char *)NULL);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("parent: echo exited with %d\n", WEXITSTATUS(status));
    return 0;
}
