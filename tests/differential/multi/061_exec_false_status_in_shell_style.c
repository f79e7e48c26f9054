// A tiny "shell": runs three commands one after the other and prints each status, like $?.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static int run(char *const argv[]) {
    pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[0], argv);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(void) {
    char *one[] = {"echo", "step", "one", NULL};
    char *two[] = {"false", NULL};
    char *three[] = {"nonexistent-cmd", NULL};
    printf("$? = %d\n", run(one));
    printf("$? = %d\n", run(two));
    printf("$? = %d\n", run(three));
    return 0;
}
