// wait3 and wait4 are wait and waitpid that also fill a struct rusage (not printed: its times
// differ from run to run): the same pids, statuses, WNOHANG and ECHILD.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int go[2];
    pipe(go);
    pid_t a = fork();
    if (a == 0) {
        char c;
        read(go[0], &c, 1);
        exit(4);
    }
    pid_t b = fork();
    if (b == 0) exit(5);
    struct rusage usage;
    int status;
    pid_t r = wait4(b, &status, 0, &usage);
    printf("wait4(b): %s, exit %d\n", r == b ? "b" : "?", WEXITSTATUS(status));
    r = wait3(&status, WNOHANG, NULL);
    printf("wait3 WNOHANG while a runs: %d\n", r);
    write(go[1], "x", 1);
    r = wait3(&status, 0, &usage);
    printf("wait3: %s, exit %d\n", r == a ? "a" : "?", WEXITSTATUS(status));
    r = wait4(-1, NULL, 0, NULL);
    printf("wait4 with no child: %d %s\n", r, errno == ECHILD ? "ECHILD" : "?");
    return 0;
}
