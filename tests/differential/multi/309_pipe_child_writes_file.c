/* A child copies what comes through a pipe into a file; the parent then counts its lines. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int p[2];
    pipe(p);
    if (fork() == 0) {
        close(p[1]);
        int out = open("copy.txt", O_WRONLY | O_CREAT | O_TRUNC, 0600);
        char buf[16];
        ssize_t n;
        while ((n = read(p[0], buf, sizeof buf)) > 0) write(out, buf, n);
        close(out);
        _exit(0);
    }
    close(p[0]);
    for (int i = 1; i <= 5; i++) dprintf(p[1], "line %d\n", i);
    close(p[1]);
    wait(NULL);
    FILE *f = fopen("copy.txt", "r");
    int lines = 0, c;
    while ((c = fgetc(f)) != EOF) if (c == '\n') lines++;
    printf("copy.txt has %d lines, %ld bytes\n", lines, ftell(f));
    fclose(f);
    return 0;
}
