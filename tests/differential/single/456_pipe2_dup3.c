// pipe2 and dup3 take flags: O_CLOEXEC marks the descriptors close-on-exec; dup3 of a
// descriptor onto itself and unknown flags are EINVAL (dup2 of a descriptor onto itself is fine).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    int p[2];
    printf("pipe2: %d\n", pipe2(p, O_CLOEXEC));
    printf("close-on-exec: %d %d\n", fcntl(p[0], F_GETFD) & FD_CLOEXEC, fcntl(p[1], F_GETFD) & FD_CLOEXEC);
    int q[2];
    int r = pipe2(q, 0);
    printf("pipe2 without flags: %d, close-on-exec %d\n", r, fcntl(q[0], F_GETFD) & FD_CLOEXEC);
    r = pipe2(q, 12345);
    printf("pipe2 bad flags: %d %s\n", r, strerror(errno));
    r = pipe2(q, O_NONBLOCK);
    printf("pipe2 O_NONBLOCK: %d, flags say non-blocking: %d\n", r, (fcntl(q[0], F_GETFL) & O_NONBLOCK) != 0);

    r = dup3(p[1], 10, O_CLOEXEC);
    printf("dup3: %d, close-on-exec %d\n", r, fcntl(10, F_GETFD) & FD_CLOEXEC);
    r = dup3(p[1], 11, 0);
    printf("dup3 without flags: %d, close-on-exec %d\n", r, fcntl(11, F_GETFD) & FD_CLOEXEC);
    r = dup3(p[1], p[1], 0);
    printf("dup3 onto itself: %d %s\n", r, strerror(errno));
    r = dup3(p[1], 12, O_APPEND);
    printf("dup3 bad flags: %d %s\n", r, strerror(errno));
    r = dup3(99, 12, 0);
    printf("dup3 bad descriptor: %d %s\n", r, strerror(errno));
    printf("dup2 onto itself: %d\n", dup2(p[1], p[1]));

    write(10, "through 10\n", 11);
    char buf[32] = "";
    read(p[0], buf, sizeof buf - 1);
    printf("%s", buf);
    return 0;
}
