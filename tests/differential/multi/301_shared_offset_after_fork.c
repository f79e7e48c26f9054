/* After fork, parent and child share one open file description: one offset. Their writes land
   one after the other, never on top of each other. */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int fd = open("log.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "parent before fork\n", 19);
    pid_t pid = fork();
    if (pid == 0) {
        write(fd, "child\n", 6);
        printf("child: offset now %ld\n", (long) lseek(fd, 0, SEEK_CUR));
        _exit(0);
    }
    wait(NULL);
    printf("parent: offset now %ld\n", (long) lseek(fd, 0, SEEK_CUR));
    write(fd, "parent after wait\n", 18);
    lseek(fd, 0, SEEK_SET);
    char buf[256];
    ssize_t n = read(fd, buf, sizeof buf);
    fwrite(buf, 1, n, stdout);
    close(fd);
    return 0;
}
