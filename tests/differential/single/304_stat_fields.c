// file: data.txt=12345\n
/* stat and fstat: the type and size of files, directories and the terminal. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

static const char *type(mode_t m) {
    return S_ISREG(m) ? "regular" : S_ISDIR(m) ? "directory" : S_ISCHR(m) ? "character device" : S_ISFIFO(m) ? "fifo" : "other";
}

int main(void) {
    struct stat st;
    stat("data.txt", &st);
    printf("data.txt: %s, %ld bytes, %ld link, mode %o\n", type(st.st_mode), (long) st.st_size, (long) st.st_nlink, st.st_mode & 0777);
    stat(".", &st);
    printf(".: %s\n", type(st.st_mode));
    fstat(0, &st);
    printf("stdin: %s\n", type(st.st_mode));
    int p[2];
    pipe(p);
    fstat(p[0], &st);
    printf("pipe: %s\n", type(st.st_mode));
    int fd = open("new.txt", O_WRONLY | O_CREAT, 0666);
    fstat(fd, &st);
    printf("new.txt: %s, %ld bytes, mode %o (umask 022)\n", type(st.st_mode), (long) st.st_size, st.st_mode & 0777);
    stat("/dev/null", &st);
    printf("/dev/null: %s\n", type(st.st_mode));
    return 0;
}
