/* isatty: 1 for the terminal, 0 (with errno) for a pipe, a file or a closed descriptor. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static void check(const char *what, int fd) {
    errno = 0;
    int r = isatty(fd);
    printf("%-10s isatty=%d errno=%s\n", what, r, r ? "-" : strerror(errno));
}

int main(void) {
    int p[2];
    pipe(p);
    int f = open("f.txt", O_WRONLY | O_CREAT, 0644);
    check("stdout", 1);
    check("pipe", p[0]);
    check("file", f);
    check("closed", 42);
    int null = open("/dev/null", O_RDONLY);
    check("/dev/null", null);
    return 0;
}
