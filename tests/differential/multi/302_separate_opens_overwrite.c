/* Two separate open() calls make two open file descriptions, each with its own offset: a child
   that opens the file again writes over the start of what its parent wrote. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fd = open("data.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "AAAAAAAAAA\n", 11);
    if (fork() == 0) {
        int mine = open("data.txt", O_WRONLY);
        write(mine, "bbb", 3);
        _exit(0);
    }
    wait(NULL);
    char buf[64];
    lseek(fd, 0, SEEK_SET);
    ssize_t n = read(fd, buf, sizeof buf);
    fwrite(buf, 1, n, stdout);
    return 0;
}
