// wait with no children fails at once with ECHILD.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

int main(void) {
    int status = 1234;
    pid_t got = wait(&status);
    printf("wait returned %d, errno is ECHILD: %s (%s)\n", got, errno == ECHILD ? "yes" : "no", strerror(errno));
    printf("status left untouched: %d\n", status);
    return 0;
}
