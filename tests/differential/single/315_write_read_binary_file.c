/* A file of ints written with fwrite and read back with fread-like read(): the bytes are the
   ints' little-endian representation; stat gives the size. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

int main(void) {
    int values[5] = { 1, 256, -1, 65536, 7 };
    FILE *f = fopen("ints.bin", "wb");
    size_t n = fwrite(values, sizeof values[0], 5, f);
    fclose(f);
    struct stat st;
    stat("ints.bin", &st);
    printf("wrote %zu ints, file is %ld bytes\n", n, (long) st.st_size);
    int fd = open("ints.bin", O_RDONLY);
    int back[5];
    ssize_t got = read(fd, back, sizeof back);
    printf("read %zd bytes:", got);
    for (int i = 0; i < 5; i++) printf(" %d", back[i]);
    printf("\n");
    unsigned char byte;
    lseek(fd, 4, SEEK_SET);
    read(fd, &byte, 1);
    printf("byte 4 is %d\n", byte);
    close(fd);
    return 0;
}
