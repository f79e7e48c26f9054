// On a terminal stdout is line-buffered: the newline flushed "hello" before fork, so it is
// printed once.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    printf("hello\n");
    if (fork() == 0) {
        printf("child\n");
        return 0;
    }
    wait(NULL);
    printf("parent\n");
    return 0;
}
