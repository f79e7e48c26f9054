// WTERMSIG and WCOREDUMP for several fatal signals raised by children. SIGSEGV, SIGFPE, SIGABRT
// and SIGQUIT are "core" signals, but with RLIMIT_CORE 0 (as on the recording machine) no core
// is written and Linux leaves the core flag clear.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int sigs[] = {SIGINT, SIGQUIT, SIGABRT, SIGFPE, SIGSEGV, SIGPIPE, SIGALRM, SIGTERM, SIGUSR1};
    for (int i = 0; i < 9; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            raise(sigs[i]);
            _exit(100);
        }
        int status;
        waitpid(pid, &status, 0);
        printf("signal %2d: WIFSIGNALED=%d WTERMSIG=%2d WCOREDUMP=%d\n", sigs[i], WIFSIGNALED(status) != 0,
               WTERMSIG(status), WCOREDUMP(status) != 0);
    }
    return 0;
}
