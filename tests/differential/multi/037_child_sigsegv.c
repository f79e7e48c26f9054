// A child dereferences NULL and dies of SIGSEGV; the parent carries on and reports it.
// (Core dumps are off on the recording machine, RLIMIT_CORE 0: WCOREDUMP is then 0.)
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        int *p = NULL;
        printf("child: about to crash\n");
        *p = 1;
        printf("child: not reached\n");
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("WIFSIGNALED=%d WTERMSIG=%d (SIGSEGV is %d) WCOREDUMP=%d\n", WIFSIGNALED(status) != 0,
           WTERMSIG(status), SIGSEGV, WCOREDUMP(status) != 0);
    return 0;
}
