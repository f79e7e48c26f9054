/* Prints the status word shifted by hand and guesses the rest: right for exit codes only. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int divide(int a, int b) {
    return a / b;
}

int main(void) {
    pid_t first = fork();
    if (first == 0)
        exit(7);
    pid_t second = fork();
    if (second == 0) {
        printf("%d\n", divide(1, 0));
        exit(0);
    }
    int status;
    waitpid(first, &status, 0);
    printf("first child: exited with %d\n", status >> 8);
    waitpid(second, &status, 0);
    printf("second child: exited with %d\n", status >> 8);
    return 0;
}
