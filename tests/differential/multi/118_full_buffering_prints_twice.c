// With full buffering (as when stdout is a file or pipe) even a complete line is still in the
// buffer at fork, and is printed twice.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    setvbuf(stdout, NULL, _IOFBF, 4096);
    printf("line before fork\n");
    pid_t pid = fork();
    if (pid == 0) {
        printf("child's line\n");
        return 0;
    }
    waitpid(pid, NULL, 0);
    printf("parent's line\n");
    return 0;
}
