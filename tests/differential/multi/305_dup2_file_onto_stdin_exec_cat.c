// file: words.txt=apple\nbanana\ncherry\n
/* Input redirection: the child puts words.txt on descriptor 0 and execs cat, which copies it. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    printf("before cat\n");
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open("words.txt", O_RDONLY);
        if (fd < 0) { perror("words.txt"); _exit(1); }
        dup2(fd, 0);
        close(fd);
        execlp("cat", "cat", (char *)NULL);
        _exit(127);
    }
    waitpid(pid, NULL, 0);
    printf("after cat\n");
    return 0;
}
