// strerror: glibc's message for each errno value, and for an unknown number.
#include <stdio.h>
#include <string.h>
#include <errno.h>

int main(void)
{
    int codes[] = { 0, EPERM, ENOENT, ESRCH, EINTR, EIO, EBADF, ECHILD, EAGAIN, ENOMEM, EACCES,
                    EFAULT, EEXIST, ENOTDIR, EINVAL, EMFILE, ENOSPC, EPIPE, ERANGE, ENOSYS };
    int n = sizeof codes / sizeof codes[0];
    for (int i = 0; i < n; i++)
        printf("%3d: %s\n", codes[i], strerror(codes[i]));
    printf("EWOULDBLOCK == EAGAIN: %d\n", EWOULDBLOCK == EAGAIN);
    printf("9999: %s\n", strerror(9999));
    return 0;
}
