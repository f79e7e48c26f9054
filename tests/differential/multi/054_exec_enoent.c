// exec of a missing file returns -1 with ENOENT and the process carries on.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        int r = execl("/no/such/program", "program", (char *)NULL);
        printf("child: execl returned %d, ENOENT: %s\n", r, errno == ENOENT ? "yes" : "no");
        perror("execl");
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("parent: child exited with %d\n", WEXITSTATUS(status));
    return 0;
}
