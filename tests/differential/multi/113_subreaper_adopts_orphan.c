// prctl(PR_SET_CHILD_SUBREAPER): the program adopts its orphaned grandchild. The middle
// process exits; the grandchild's new parent is the program, which can then wait for it. The
// grandchild answers through its exit status (6: adopted by the program), not by printing, so
// the output order is fixed.
#include <stdio.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/wait.h>

int main(void) {
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    pid_t top = getpid();
    pid_t middle = fork();
    if (middle == 0) {
        pid_t me = getpid();
        if (fork() == 0) {
            while (getppid() == me) usleep(1000);
            _exit(getppid() == top ? 6 : 7);
        }
        _exit(1);
    }
    int status;
    waitpid(middle, &status, 0);
    printf("top: middle exited with %d\n", WEXITSTATUS(status));
    pid_t got = wait(&status);
    printf("top: reaped the adopted grandchild: %s, status %d\n", got > 0 && got != middle ? "yes" : "no",
           WEXITSTATUS(status));
    return 0;
}
