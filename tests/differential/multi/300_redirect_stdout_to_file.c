/* Output redirection as a shell does it: the child puts a file on descriptor 1 with dup2, then
   execs echo; the parent reads the file back after the child is done. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open("out.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) { perror("open"); _exit(1); }
        dup2(fd, 1);
        close(fd);
        execlp("echo", "echo", "hello from the child", (char *)NULL);
        perror("exec");
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("child exited with %d\n", WEXITSTATUS(status));
    char buf[128];
    int fd = open("out.txt", O_RDONLY);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = '\0';
    printf("out.txt holds %zd bytes: %s", n, buf);
    close(fd);
    return 0;
}
