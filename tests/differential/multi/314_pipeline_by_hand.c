// file: notes.txt=red\ngreen\nblue\nred\n
/* A shell pipeline done by hand: cat notes.txt | grep red | wc -l, three children joined by
   two pipes, each execlp'd by name (found in PATH). */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int a[2], b[2];
    pipe(a);
    pipe(b);
    if (fork() == 0) {
        dup2(a[1], 1);
        close(a[0]); close(a[1]); close(b[0]); close(b[1]);
        execlp("cat", "cat", "notes.txt", (char *)NULL);
        _exit(127);
    }
    if (fork() == 0) {
        dup2(a[0], 0);
        dup2(b[1], 1);
        close(a[0]); close(a[1]); close(b[0]); close(b[1]);
        execlp("grep", "grep", "red", (char *)NULL);
        _exit(127);
    }
    if (fork() == 0) {
        dup2(b[0], 0);
        close(a[0]); close(a[1]); close(b[0]); close(b[1]);
        execlp("wc", "wc", "-l", (char *)NULL);
        _exit(127);
    }
    close(a[0]); close(a[1]); close(b[0]); close(b[1]);
    int n = 0;
    while (wait(NULL) > 0) n++;
    printf("%d children reaped\n", n);
    return 0;
}
