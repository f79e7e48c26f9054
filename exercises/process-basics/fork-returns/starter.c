#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    /* Both processes run the next line. Make each one say who it is. */
    printf("fork returned %d\n", pid);
    return 0;
}
