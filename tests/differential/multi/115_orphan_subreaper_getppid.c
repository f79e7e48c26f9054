// With the program as subreaper, an orphan's new parent is known: the program itself.
// The middle child exits at once; the grandchild checks getppid() against the top pid.
#include <stdio.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/wait.h>

int main(void) {
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    pid_t top = getpid();
    int fds[2];
    pipe(fds);
    if (fork() == 0) {
        if (fork() == 0) {
            close(fds[0]);
            char c = 'n';
            for (int i = 0; i < 5000 && getppid() != top; i++) usleep(1000);
            if (getppid() == top) c = 'y';
            write(fds[1], &c, 1);
            _exit(0);
        }
        _exit(0);
    }
    close(fds[1]);
    char answer = '?';
    read(fds[0], &answer, 1);
    printf("the orphan's new parent is the subreaper: %c\n", answer);
    while (wait(NULL) > 0) {
    }
    printf("all children reaped\n");
    return 0;
}
