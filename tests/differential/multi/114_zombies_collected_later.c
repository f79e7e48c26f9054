// Children that end before the parent waits stay as zombies; later WNOHANG waits collect every
// one of them without blocking.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fds[2];
    pipe(fds);
    for (int i = 0; i < 4; i++) {
        if (fork() == 0) {
            close(fds[0]);
            _exit(i);  /* the write end closes at exit */
        }
    }
    close(fds[1]);
    char c;
    read(fds[0], &c, 1);  /* end of file: every child has closed its files */
    int zombies = 0, status;
    for (int tries = 0; zombies < 4 && tries < 5000; tries++) {
        if (waitpid(-1, &status, WNOHANG) > 0) zombies++;
        else usleep(1000);
    }
    printf("collected %d zombies with WNOHANG\n", zombies);
    printf("then: %d\n", waitpid(-1, &status, WNOHANG));
    return 0;
}
