/* sh -c reports errors as dash does, with the line of the command. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static void run(const char *script) {
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", script, (char *)NULL);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("[%d]\n", WEXITSTATUS(status));
    fflush(stdout);
}

int main(void) {
    run("nosuch");
    run("echo a; nosuch2");
    run("echo line one\nnosuch3");
    run("cat < missing.txt");
    run("echo x > /nodir/file");
    run("echo 'unterminated");
    run("echo a | | b");
    run("exit 42");
    run("cd /nowhere");
    return 0;
}
