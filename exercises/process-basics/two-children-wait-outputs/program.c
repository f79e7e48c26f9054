#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    if (fork() == 0) {
        printf("child 1\n");
        return 0;
    }
    if (fork() == 0) {
        printf("child 2\n");
        return 0;
    }
    wait(NULL);
    printf("parent\n");
    wait(NULL);
    return 0;
}
