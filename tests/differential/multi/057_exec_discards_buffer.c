// exec replaces the memory, stdio buffer included: text printed without a newline and not
// flushed before exec is never written.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        printf("this text is lost ");
        execlp("echo", "echo", "echo's line", (char *)NULL);
        _exit(127);
    }
    waitpid(pid, NULL, 0);
    pid = fork();
    if (pid == 0) {
        printf("flushed first, ");
        fflush(stdout);
        execlp("echo", "echo", "then echo", (char *)NULL);
        _exit(127);
    }
    waitpid(pid, NULL, 0);
    return 0;
}
