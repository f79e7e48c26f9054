// errno after failed system calls: close and write on a bad descriptor (EBADF), dup of a bad
// descriptor, and errno names compared, not numbers printed from a table.
#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/types.h>
#include <sys/wait.h>

static void report(const char *what, int result)
{
    int saved = errno;
    printf("%s returned %d, errno %d (%s)\n", what, result, saved, strerror(saved));
}

int main(void)
{
    errno = 0;
    report("close(-1)", close(-1));
    errno = 0;
    report("close(99)", close(99));
    errno = 0;
    report("write(42, ...)", (int)write(42, "x", 1));
    errno = 0;
    report("dup(-5)", dup(-5));
    errno = 0;
    report("wait(NULL) with no children", (int)wait(NULL));
    printf("ECHILD is %d, EBADF is %d\n", ECHILD, EBADF);
    errno = 0;
    int ok = close(99) == -1 && errno == EBADF;
    printf("close(99) failed with EBADF: %s\n", ok ? "yes" : "no");
    errno = 0;
    report("fcntl(-1, F_GETFD)", fcntl(-1, F_GETFD));
    if (close(-1) < 0) {
        perror("close");
    }
    printf("errno stays set after a successful call? ");
    errno = EBADF;
    int fd = dup(1);
    printf("dup(1) succeeded: %s, errno still %d\n", fd >= 0 ? "yes" : "no", errno);
    close(fd);
    return 0;
}
