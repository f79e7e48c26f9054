/* execle gives the new program exactly the environment passed: env prints it. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    char *envp[] = { "COURSE=os101", "LAB=forklab", NULL };
    if (fork() == 0) {
        execle("/usr/bin/env", "env", (char *)NULL, envp);
        _exit(127);
    }
    wait(NULL);
    if (fork() == 0) {
        execlp("env", "env", "-i", "ONLY=this", "env", (char *)NULL);
        _exit(127);
    }
    wait(NULL);
    return 0;
}
