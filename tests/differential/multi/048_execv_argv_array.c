// execv takes the argument vector as an array ending in NULL.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    char *args[] = {"echo", "-n", "no newline from echo", NULL};
    pid_t pid = fork();
    if (pid == 0) {
        execv("/bin/echo", args);
        perror("execv");
        _exit(127);
    }
    waitpid(pid, NULL, 0);
    printf(" <- then the parent\n");
    return 0;
}
