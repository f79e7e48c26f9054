// file: lines.txt=one\ntwo\nthree\nfour\n
/* A stream opened before fork: the child reads one line and exits. glibc read ahead a whole
   buffer, and at exit moves the shared offset back to just after the child's line, so the
   parent goes on from there. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    FILE *f = fopen("lines.txt", "r");
    char line[64];
    if (fork() == 0) {
        fgets(line, sizeof line, f);
        printf("child read: %s", line);
        exit(0);
    }
    wait(NULL);
    while (fgets(line, sizeof line, f)) printf("parent read: %s", line);
    fclose(f);
    return 0;
}
