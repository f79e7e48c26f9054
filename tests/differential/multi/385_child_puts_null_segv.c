/* A child prints a name that is NULL. With a word after %s, printf prints "(null)"; with
   "%s\n" alone gcc compiles the call as puts, which crashes: the parent sees the child killed
   by SIGSEGV, and what the child printed before, on the terminal, stays printed. */
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

static void greet(const char *name, int style) {
    if (style == 0) printf("%s is here\n", name);
    else printf("%s\n", name);
}

int main(void) {
    const char *names[] = { "ada", NULL };
    for (int style = 0; style < 2; style++) {
        pid_t pid = fork();
        if (pid == 0) {
            greet(names[0], style);
            greet(names[1], style);
            exit(0);
        }
        int status;
        waitpid(pid, &status, 0);
        if (WIFSIGNALED(status)) printf("child %d was killed by %s\n", style, WTERMSIG(status) == SIGSEGV ? "SIGSEGV" : "another signal");
        else printf("child %d exited with %d\n", style, WEXITSTATUS(status));
    }
    return 0;
}
