/* O_CLOEXEC: the descriptor is closed when the process execs. The exec'd program (this one
   again, with an argument) tries to write to both descriptors. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <errno.h>
#include <sys/wait.h>

int main(int argc, char *argv[]) {
    if (argc == 3) {
        int kept = atoi(argv[1]), closed = atoi(argv[2]);
        int r = write(kept, "x", 1);
        printf("kept: %s\n", r == 1 ? "open" : strerror(errno));
        r = write(closed, "x", 1);
        printf("cloexec: %s\n", r == 1 ? "open" : strerror(errno));
        return 0;
    }
    int kept = open("a.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int closed = open("b.txt", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    printf("FD_CLOEXEC: %d %d\n", fcntl(kept, F_GETFD), fcntl(closed, F_GETFD));
    fflush(stdout);
    char a[8], b[8];
    sprintf(a, "%d", kept);
    sprintf(b, "%d", closed);
    if (fork() == 0) {
        execl(argv[0], argv[0], a, b, (char *)NULL);
        perror("exec");
        _exit(127);
    }
    wait(NULL);
    return 0;
}
