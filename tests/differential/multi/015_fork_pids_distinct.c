// Three children alive at once have three different pids, none equal to the parent's.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    pipe(fds);
    pid_t kids[3];
    for (int i = 0; i < 3; i++) {
        kids[i] = fork();
        if (kids[i] == 0) {
            char c;
            close(fds[1]);
            read(fds[0], &c, 1);  /* stay alive until the parent closes its write end: EOF */
            _exit(0);
        }
    }
    close(fds[0]);
    int distinct = kids[0] != kids[1] && kids[1] != kids[2] && kids[0] != kids[2];
    int none_is_parent = kids[0] != getpid() && kids[1] != getpid() && kids[2] != getpid();
    printf("distinct: %s, none is the parent: %s\n", distinct ? "yes" : "no", none_is_parent ? "yes" : "no");
    close(fds[1]);
    while (wait(NULL) > 0) {
    }
    return 0;
}
