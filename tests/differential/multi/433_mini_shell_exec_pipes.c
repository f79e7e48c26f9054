/* A student's mini-shell: fork and exec "seq 1 12" | "tail -n 3", and feed "tr a-z A-Z" through
   a pipe and read its answer through another, as a shell wires a pipeline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

/* Runs left | right, each exec'd by PATH; returns right's exit status. */
static int pipeline(char *const left[], char *const right[]) {
    int fd[2];
    pipe(fd);
    pid_t a = fork();
    if (a == 0) {
        dup2(fd[1], 1);
        close(fd[0]);
        close(fd[1]);
        execvp(left[0], left);
        _exit(127);
    }
    pid_t b = fork();
    if (b == 0) {
        dup2(fd[0], 0);
        close(fd[0]);
        close(fd[1]);
        execvp(right[0], right);
        _exit(127);
    }
    close(fd[0]);
    close(fd[1]);
    int sa, sb;
    waitpid(a, &sa, 0);
    waitpid(b, &sb, 0);
    return WEXITSTATUS(sb);
}

int main(void) {
    char *seq[] = { "seq", "1", "12", NULL };
    char *tail[] = { "tail", "-n", "3", NULL };
    printf("tail exited %d\n", pipeline(seq, tail));
    fflush(stdout);

    int to_child[2], from_child[2];
    pipe(to_child);
    pipe(from_child);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(to_child[0], 0);
        dup2(from_child[1], 1);
        close(to_child[0]); close(to_child[1]);
        close(from_child[0]); close(from_child[1]);
        execlp("tr", "tr", "a-z", "A-Z", (char *)NULL);
        _exit(127);
    }
    close(to_child[0]);
    close(from_child[1]);
    const char *text = "shout this\nand this\n";
    write(to_child[1], text, strlen(text));
    close(to_child[1]);
    char buf[128];
    long n, total = 0;
    while ((n = read(from_child[0], buf + total, sizeof buf - 1 - total)) > 0) total += n;
    buf[total] = 0;
    close(from_child[0]);
    int status;
    waitpid(pid, &status, 0);
    printf("tr answered %ld bytes:\n%s", total, buf);
    printf("tr exited %d\n", WEXITSTATUS(status));
    return 0;
}
