/* O_APPEND: every write goes to the end of the file, even through different open file
   descriptions; without it the second opener overwrites. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

static void show(const char *name) {
    char buf[128];
    int fd = open(name, O_RDONLY);
    ssize_t n = read(fd, buf, sizeof buf);
    close(fd);
    printf("%s:\n", name);
    fwrite(buf, 1, n, stdout);
}

static void writer(const char *name, int flags, const char *text, int len) {
    int fd = open(name, O_WRONLY | flags);
    write(fd, text, len);
    close(fd);
}

int main(void) {
    close(creat("append.txt", 0644));
    close(creat("plain.txt", 0644));
    for (int i = 0; i < 2; i++) {
        if (fork() == 0) {
            writer("append.txt", O_APPEND, i ? "second\n" : "first\n", i ? 7 : 6);
            writer("plain.txt", 0, i ? "second\n" : "first\n", i ? 7 : 6);
            _exit(0);
        }
        wait(NULL);
    }
    show("append.txt");
    show("plain.txt");
    return 0;
}
