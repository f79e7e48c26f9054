// file: ro.txt=read only\n
/* A descriptor opened O_RDONLY cannot be written (EBADF), one opened O_WRONLY cannot be read;
   closed and never opened descriptors are EBADF too. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

int main(void) {
    int r = open("ro.txt", O_RDONLY);
    int w = open("w.txt", O_WRONLY | O_CREAT, 0644);
    char c;
    long n = write(r, "x", 1);
    printf("write to O_RDONLY: %ld %s\n", n, strerror(errno));
    n = read(w, &c, 1);
    printf("read from O_WRONLY: %ld %s\n", n, strerror(errno));
    close(w);
    n = write(w, "x", 1);
    printf("write after close: %ld %s\n", n, strerror(errno));
    n = close(w);
    printf("close twice: %ld %s\n", n, strerror(errno));
    n = read(99, &c, 1);
    printf("read fd 99: %ld %s\n", n, strerror(errno));
    int p[2];
    pipe(p);
    n = lseek(p[0], 0, SEEK_CUR);
    printf("lseek on a pipe: %ld %s\n", n, strerror(errno));
    n = lseek(1, 0, SEEK_CUR);
    printf("lseek on the terminal: %ld %s\n", n, strerror(errno));
    printf("F_GETFL: %d %d\n", fcntl(r, F_GETFL) & O_ACCMODE, fcntl(p[1], F_GETFL) & O_ACCMODE);
    return 0;
}
