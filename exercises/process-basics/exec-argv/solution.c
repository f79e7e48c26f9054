#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char *argv[]) {
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        /* echo's argv: "echo", then our arguments, then NULL */
        char **args = malloc((argc + 1) * sizeof(char *));
        args[0] = "echo";
        for (int i = 1; i < argc; i++)
            args[i] = argv[i];
        args[argc] = NULL;
        execvp("echo", args);
        perror("execvp");           /* reached only if exec failed */
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status))
        printf("echo exited with %d\n", WEXITSTATUS(status));
    return 0;
}
