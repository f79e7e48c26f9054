// A child blocked reading an empty pipe sleeps: ps shows state S. The parent asks ps (through a
// pipe) until the child has reached its read, then prints what ps said.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

/* ps's line for pid ("S 111_ps_sleeping\n"), read through a pipe into line. */
static void ps_line(pid_t pid, char *line, int size) {
    char pidstr[16];
    snprintf(pidstr, sizeof pidstr, "%d", pid);
    int out[2];
    pipe(out);
    pid_t ps = fork();
    if (ps == 0) {
        dup2(out[1], 1);
        close(out[0]);
        close(out[1]);
        execlp("ps", "ps", "-o", "s=,comm=", "-p", pidstr, (char *)NULL);
        _exit(127);
    }
    close(out[1]);
    int n = 0;
    ssize_t got;
    while (n < size - 1 && (got = read(out[0], line + n, size - 1 - n)) > 0) n += got;
    line[n] = '\0';
    close(out[0]);
    waitpid(ps, NULL, 0);
}

int main(void) {
    int gate[2];
    pipe(gate);
    pid_t pid = fork();
    if (pid == 0) {
        char c;
        close(gate[1]);
        read(gate[0], &c, 1);
        _exit(0);
    }
    close(gate[0]);
    char line[64];
    for (int tries = 0; tries < 200; tries++) {
        ps_line(pid, line, sizeof line);
        if (line[0] == 'S') break;
        usleep(10000);
    }
    printf("blocked in read: %s", line);
    close(gate[1]);
    waitpid(pid, NULL, 0);
    return 0;
}
