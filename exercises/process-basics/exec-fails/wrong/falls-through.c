/* Reports the failure but does not end the child: it carries on into the parent's code. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char *argv[]) {
    const char *program = argc > 1 ? argv[1] : "no-such-program";
    printf("parent: starting %s\n", program);
    pid_t pid = fork();
    if (pid == 0) {
        execlp(program, program, (char *)NULL);
        perror(program);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("parent: %s exited with %d\n", program, WEXITSTATUS(status));
    return 0;
}
