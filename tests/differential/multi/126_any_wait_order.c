// outputs: any
// runs: 100
// Two children exit at once; wait() returns whichever ended (and was found) first. Possible:
// A then B, or B then A. (The two exit statuses tell them apart.)
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    if (fork() == 0) _exit('A');
    if (fork() == 0) _exit('B');
    int status;
    wait(&status);
    printf("first reaped: %c\n", WEXITSTATUS(status));
    wait(&status);
    printf("second reaped: %c\n", WEXITSTATUS(status));
    return 0;
}
