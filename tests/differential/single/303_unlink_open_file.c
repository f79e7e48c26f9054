/* unlink removes the name; a file still open stays readable until it is closed. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

int main(void) {
    int fd = open("temp.txt", O_RDWR | O_CREAT | O_TRUNC, 0600);
    write(fd, "still here\n", 11);
    printf("unlink: %d\n", unlink("temp.txt"));
    struct stat st;
    int r = stat("temp.txt", &st);
    printf("stat after unlink: %d (%s)\n", r, strerror(errno));
    r = open("temp.txt", O_RDONLY);
    printf("open after unlink: %d (%s)\n", r, strerror(errno));
    fstat(fd, &st);
    printf("fstat: size %ld, links %ld\n", (long) st.st_size, (long) st.st_nlink);
    char buf[32];
    lseek(fd, 0, SEEK_SET);
    ssize_t n = read(fd, buf, sizeof buf);
    printf("read %zd: %.*s", n, (int) n, buf);
    r = unlink("temp.txt");
    printf("unlink again: %d (%s)\n", r, strerror(errno));
    mkdir("dir", 0755);
    r = unlink("dir");
    printf("unlink a directory: %d (%s)\n", r, strerror(errno));
    close(fd);
    return 0;
}
