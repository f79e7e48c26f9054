/* The errors open() gives, as Linux names them. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static void try_open(const char *path, int flags) {
    int fd = open(path, flags, 0644);
    if (fd < 0) printf("%-28s -> %s (%s)\n", path, strerror(errno), errno == ENOENT ? "ENOENT" : errno == EEXIST ? "EEXIST" : errno == EISDIR ? "EISDIR" : errno == ENOTDIR ? "ENOTDIR" : errno == EACCES ? "EACCES" : "other");
    else { printf("%-28s -> fd %d\n", path, fd); close(fd); }
}

int main(void) {
    try_open("missing.txt", O_RDONLY);
    try_open("new.txt", O_WRONLY | O_CREAT);
    try_open("new.txt", O_WRONLY | O_CREAT | O_EXCL);
    try_open("new.txt/inside", O_RDONLY);
    try_open("no/such/dir/file", O_WRONLY | O_CREAT);
    try_open(".", O_WRONLY);
    try_open(".", O_RDONLY);
    try_open("new.txt", O_RDONLY | O_DIRECTORY);
    try_open("", O_RDONLY);
    try_open("/", O_RDONLY);
    return 0;
}
