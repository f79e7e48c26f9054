// Five children, each returns a part of the work in its exit status; wait collects them in
// any order and the sum does not depend on the order.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    for (int i = 1; i <= 5; i++) {
        if (fork() == 0) {
            int square = i * i;
            _exit(square);
        }
    }
    int sum = 0, reaped = 0, status;
    pid_t pid;
    while ((pid = wait(&status)) > 0) {
        sum += WEXITSTATUS(status);
        reaped++;
    }
    printf("reaped %d children, sum of squares %d\n", reaped, sum);
    return 0;
}
