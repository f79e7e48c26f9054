// The fix: fflush(stdout) before fork empties the buffer, so nothing is duplicated.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    setvbuf(stdout, NULL, _IOFBF, 4096);
    printf("line before fork\n");
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        printf("child's line\n");
        return 0;
    }
    waitpid(pid, NULL, 0);
    printf("parent's line\n");
    return 0;
}
