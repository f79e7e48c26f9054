/* /dev/null swallows writes and reads as end of file. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void) {
    int fd = open("/dev/null", O_RDWR);
    printf("write: %zd\n", write(fd, "gone", 4));
    char c;
    printf("read: %zd\n", read(fd, &c, 1));
    int saved = dup(1);
    dup2(fd, 1);
    printf("this line is thrown away\n");
    fflush(stdout);
    dup2(saved, 1);
    printf("back on the terminal\n");
    return 0;
}
