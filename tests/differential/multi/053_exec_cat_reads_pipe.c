// The child's stdin becomes the read end of a pipe and it execs /bin/cat; the parent writes
// two lines and closes the write end, so cat sees end of file and exits.
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    pipe(fds);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[0], 0);
        close(fds[0]);
        close(fds[1]);
        execl("/bin/cat", "cat", (char *)NULL);
        _exit(127);
    }
    close(fds[0]);
    const char *text = "line one through the pipe\nline two\n";
    write(fds[1], text, strlen(text));
    close(fds[1]);
    int status;
    waitpid(pid, &status, 0);
    printf("cat exited with %d\n", WEXITSTATUS(status));
    return 0;
}
