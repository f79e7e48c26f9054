/* exec: the child replaces its program with /bin/echo. Same pid, new
   program: nothing after a successful execl runs. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/echo", "echo", "hello from echo, same pid as the child",
              (char *)NULL);
        perror("execl");            /* reached only if exec failed */
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("parent: echo exited with %d\n", WEXITSTATUS(status));
    return 0;
}
