// Process groups and sessions as a shell leaves them: the program leads its own process group in
// the shell's session; a child starts in its parent's group and session; setsid makes a child
// the leader of a new session and group (and fails for a group leader); setpgid moves a child
// into a group of its own, until the child has exec'd; errno as Linux gives it.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *yes(int b) { return b ? "yes" : "no"; }

static void report(const char *what, int r) {
    printf("%-34s %d %s\n", what, r < 0 ? -1 : 0, r < 0 ? strerror(errno) : "");
}

int main(void) {
    pid_t me = getpid();
    printf("program leads its own group: %s\n", yes(getpgrp() == me && getpgid(0) == me && getpgid(me) == me));
    printf("in the shell's session: %s, and not its leader: %s\n", yes(getsid(0) == getppid()), yes(getsid(0) != me));
    errno = 0;
    report("setsid() of a group leader", setsid());
    report("setpgid(0, -1)", setpgid(0, -1));
    report("setpgid(parent, 0)", setpgid(getppid(), 0));
    report("setpgid(0, no such group)", setpgid(0, 999999));
    report("getpgid(no such process)", getpgid(999999));
    report("getsid(no such process)", getsid(999999));
    report("setpgid(0, 0) already leader", setpgid(0, 0));

    int ready[2], execd[2];
    pipe(ready);
    pipe(execd);
    fcntl(execd[1], F_SETFD, FD_CLOEXEC);
    pid_t a = fork();
    if (a == 0) {
        printf("child starts in the parent's group: %s, session: %s\n", yes(getpgrp() == getpgid(getppid())), yes(getsid(0) == getsid(getppid())));
        pid_t s = setsid();
        printf("child setsid gives its pid: %s; leads group %s and session %s\n", yes(s == getpid()), yes(getpgrp() == getpid()), yes(getsid(0) == getpid()));
        report("session leader setpgid(0, parent's)", setpgid(0, getpgid(getppid())));
        report("setsid() again", setsid());
        exit(0);
    }
    waitpid(a, NULL, 0);

    pid_t b = fork();
    if (b == 0) {
        char c;
        read(ready[0], &c, 1);
        printf("child b leads its own group now: %s\n", yes(getpgrp() == getpid()));
        execl("/bin/sleep", "sleep", "1", (char *) NULL);
        _exit(127);
    }
    report("setpgid(child, 0) before exec", setpgid(b, 0));
    printf("getpgid(child) is its pid: %s\n", yes(getpgid(b) == b));
    report("setpgid(child, own group) again", setpgid(b, b));
    write(ready[1], "x", 1);
    /* the close-on-exec pipe reads end of file once the child has exec'd */
    close(execd[1]);
    char c;
    printf("read after the child's exec: %zd\n", read(execd[0], &c, 1));
    report("setpgid(child, 0) after its exec", setpgid(b, 0));
    int status;
    waitpid(b, &status, 0);
    report("setpgid(reaped child, 0)", setpgid(b, 0));
    printf("child b exited with %d\n", WEXITSTATUS(status));
    return 0;
}
