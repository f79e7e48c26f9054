// stderr is unbuffered: text written to it before fork is already out, so it appears once,
// while the unflushed stdout text appears twice.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    fprintf(stderr, "[stderr] ");
    printf("[stdout] ");
    pid_t pid = fork();
    if (pid == 0) {
        printf("child\n");
        return 0;
    }
    waitpid(pid, NULL, 0);
    printf("parent\n");
    return 0;
}
