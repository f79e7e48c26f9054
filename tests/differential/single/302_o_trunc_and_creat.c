/* O_TRUNC empties a file that exists; creat() is open(O_CREAT | O_WRONLY | O_TRUNC). */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

static long size_of(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 ? (long) st.st_size : -1;
}

int main(void) {
    int fd = creat("t.txt", 0644);
    write(fd, "a long first version\n", 21);
    close(fd);
    printf("after creat + write: %ld\n", size_of("t.txt"));
    fd = open("t.txt", O_WRONLY);
    write(fd, "short\n", 6);
    close(fd);
    printf("after plain open + write: %ld\n", size_of("t.txt"));
    fd = open("t.txt", O_WRONLY | O_TRUNC);
    printf("right after O_TRUNC: %ld\n", size_of("t.txt"));
    write(fd, "short\n", 6);
    close(fd);
    printf("after O_TRUNC + write: %ld\n", size_of("t.txt"));
    fd = creat("t.txt", 0600);
    printf("after creat again: %ld\n", size_of("t.txt"));
    close(fd);
    return 0;
}
