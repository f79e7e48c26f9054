/* read, write and lseek on a regular file: the offset moves with each call; SEEK_END past the
   end leaves a hole that reads as zeros. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void) {
    int fd = open("f.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
    printf("write: %zd\n", write(fd, "0123456789", 10));
    printf("offset: %ld\n", (long) lseek(fd, 0, SEEK_CUR));
    printf("seek set 3: %ld\n", (long) lseek(fd, 3, SEEK_SET));
    char buf[16] = {0};
    printf("read 4: %zd '%.4s'\n", read(fd, buf, 4), buf);
    printf("seek cur -2: %ld\n", (long) lseek(fd, -2, SEEK_CUR));
    printf("read 3: %zd '%.3s'\n", read(fd, buf, 3), buf);
    printf("seek end +5: %ld\n", (long) lseek(fd, 5, SEEK_END));
    printf("write: %zd\n", write(fd, "Z", 1));
    printf("size: %ld\n", (long) lseek(fd, 0, SEEK_END));
    lseek(fd, 8, SEEK_SET);
    ssize_t n = read(fd, buf, sizeof buf);
    printf("tail %zd bytes:", n);
    for (ssize_t i = 0; i < n; i++) printf(" %d", buf[i]);
    printf("\n");
    printf("read at end: %zd\n", read(fd, buf, 4));
    printf("seek before start: %ld\n", (long) lseek(fd, -100, SEEK_SET));
    perror("lseek");
    close(fd);
    return 0;
}
