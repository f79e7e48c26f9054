/* mkdir, chdir and rmdir, with relative paths from the working directory. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

int main(void) {
    char start[512], now[512];
    getcwd(start, sizeof start);
    printf("mkdir sub: %d\n", mkdir("sub", 0755));
    int r = mkdir("sub", 0755);
    printf("mkdir sub again: %d %s\n", r, strerror(errno));
    printf("chdir sub: %d\n", chdir("sub"));
    getcwd(now, sizeof now);
    printf("cwd is start + \"%s\"\n", now + strlen(start));
    int fd = open("inner.txt", O_WRONLY | O_CREAT, 0644);
    write(fd, "hi\n", 3);
    close(fd);
    chdir("..");
    getcwd(now, sizeof now);
    printf("back: %s\n", strcmp(now, start) == 0 ? "yes" : "no");
    struct stat st;
    r = stat("sub/inner.txt", &st);
    printf("stat sub/inner.txt: %d size %ld\n", r, (long) st.st_size);
    r = rmdir("sub");
    printf("rmdir sub: %d %s\n", r, strerror(errno));
    unlink("sub/inner.txt");
    printf("rmdir sub after unlink: %d\n", rmdir("sub"));
    r = chdir("/dev/null");
    printf("chdir to a file: %d %s\n", r, strerror(errno));
    r = access(".", R_OK | W_OK);
    printf("access .: %d\n", r);
    r = access("missing", F_OK);
    printf("access missing: %d %s\n", r, strerror(errno));
    return 0;
}
