// /bin/true and /bin/false say everything through their exit status.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static int run(const char *path, const char *name) {
    pid_t pid = fork();
    if (pid == 0) {
        execl(path, name, (char *)NULL);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    return WEXITSTATUS(status);
}

int main(void) {
    printf("true  -> %d\n", run("/bin/true", "true"));
    printf("false -> %d\n", run("/bin/false", "false"));
    printf("true && false -> %d\n", run("/bin/true", "true") == 0 && run("/bin/false", "false") == 0);
    return 0;
}
