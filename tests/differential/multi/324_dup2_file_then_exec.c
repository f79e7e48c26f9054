/* dup2 onto a file, then exec: the new program writes into the file the descriptor names (open
   descriptors survive exec). The parent reads the file back. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fd = open("result.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fd, 1);
        dup2(fd, 2);
        close(fd);
        execlp("sh", "sh", "-c", "echo out; ls missing; echo done", (char *)NULL);
        _exit(127);
    }
    close(fd);
    int status;
    waitpid(pid, &status, 0);
    printf("sh exited with %d; result.txt:\n", WEXITSTATUS(status));
    fflush(stdout);
    execlp("cat", "cat", "result.txt", (char *)NULL);
    return 1;
}
