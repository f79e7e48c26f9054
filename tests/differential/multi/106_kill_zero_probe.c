// kill(pid, 0) sends nothing but says whether the pid exists: a zombie still exists (its
// SIGCHLD has arrived, it is not reaped yet); a reaped child does not (ESRCH).
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile sig_atomic_t child_ended = 0;

static void on_chld(int sig) {
    (void)sig;
    child_ended = 1;
}

int main(void) {
    signal(SIGCHLD, on_chld);
    int fds[2];
    pipe(fds);
    pid_t pid = fork();
    if (pid == 0) {
        char c;
        close(fds[1]);
        read(fds[0], &c, 1);
        _exit(0);
    }
    close(fds[0]);
    printf("alive child:  kill(pid, 0) = %d\n", kill(pid, 0));
    close(fds[1]);
    while (!child_ended) usleep(1000);
    printf("zombie child: kill(pid, 0) = %d\n", kill(pid, 0));
    waitpid(pid, NULL, 0);
    int r = kill(pid, 0);
    printf("reaped child: kill(pid, 0) = %d, ESRCH: %s\n", r, errno == ESRCH ? "yes" : "no");
    return 0;
}
