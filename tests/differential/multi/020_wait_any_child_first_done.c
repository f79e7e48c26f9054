// wait() returns whichever child ends first. The parent decides which one may end by writing
// to that child's pipe; the others stay blocked in read, so the order is forced: 2, 0, 1.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int gate[3][2];
    pid_t kids[3];
    for (int i = 0; i < 3; i++) pipe(gate[i]);
    for (int i = 0; i < 3; i++) {
        kids[i] = fork();
        if (kids[i] == 0) {
            char c;
            read(gate[i][0], &c, 1);
            _exit(i);
        }
    }
    int order[3] = {2, 0, 1};
    for (int k = 0; k < 3; k++) {
        write(gate[order[k]][1], "go", 1);
        int status;
        pid_t got = wait(&status);
        int which = got == kids[0] ? 0 : got == kids[1] ? 1 : got == kids[2] ? 2 : -1;
        printf("wait returned child %d (status %d)\n", which, WEXITSTATUS(status));
    }
    return 0;
}
