// execvp of a command not on PATH: ENOENT, and the child reports it the way a shell would.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    char *args[] = {"no-such-command", "x", NULL};
    pid_t pid = fork();
    if (pid == 0) {
        execvp(args[0], args);
        fprintf(stderr, "%s: %s\n", args[0], strerror(errno));
        _exit(errno == ENOENT ? 127 : 126);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("status %d\n", WEXITSTATUS(status));
    return 0;
}
