// WNOHANG with no children at all is ECHILD (-1), not 0.
#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>

int main(void) {
    int got = waitpid(-1, NULL, WNOHANG);
    printf("waitpid(-1, WNOHANG) with no children: %d, ECHILD: %s\n", got, errno == ECHILD ? "yes" : "no");
    return 0;
}
