// One child, two waits: the first reaps it, the second finds no child left.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    if (fork() == 0) _exit(1);
    int status;
    printf("first wait positive: %s\n", wait(&status) > 0 ? "yes" : "no");
    int again = wait(&status);
    printf("second wait: %d (%s)\n", again, strerror(errno));
    return 0;
}
