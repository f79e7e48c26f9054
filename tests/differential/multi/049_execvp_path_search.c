// execvp: argument array and PATH search.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    char *args[] = {"echo", "a", "b", "c", NULL};
    pid_t pid = fork();
    if (pid == 0) {
        execvp(args[0], args);
        perror("execvp");
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("execvp child status %d\n", WEXITSTATUS(status));
    return 0;
}
