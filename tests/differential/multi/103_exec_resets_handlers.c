// exec resets caught signals to their default action, but ignored signals stay ignored. The
// child inherits a SIGTERM handler and an ignored SIGUSR1, then becomes /bin/sleep. vfork makes
// the parent wait until the exec is done, so both signals reach the new program: SIGUSR1 is
// still ignored (it survives), SIGTERM has its default action again (it dies).
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static void on_term(int sig) {
    (void)sig;
}

int main(void) {
    signal(SIGTERM, on_term);
    signal(SIGUSR1, SIG_IGN);
    pid_t pid = vfork();
    if (pid == 0) {
        execl("/bin/sleep", "sleep", "5", (char *)NULL);
        _exit(127);
    }
    kill(pid, SIGUSR1);
    kill(pid, SIGTERM);
    int status;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) printf("sleep was killed by signal %d (SIGTERM is %d)\n", WTERMSIG(status), SIGTERM);
    else printf("sleep exited with %d\n", WEXITSTATUS(status));
    return 0;
}
