/* Ends the failed child with exit(): with stdout on a pipe, it flushes a copy of the parent's text. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char *argv[]) {
    const char *program = argc > 1 ? argv[1] : "no-such-program";
    printf("parent: starting %s\n", program);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        execlp(program, program, (char *)NULL);
        perror(program);        /* only reached when exec failed */
        exit(127);              /* flushes a copy of the parent's buffer too */
    }
    int status;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status))
        printf("parent: %s exited with %d\n", program, WEXITSTATUS(status));
    return 0;
}
