#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int divide(int a, int b) {
    return a / b;
}

int main(int argc, char *argv[]) {
    int code = argc > 1 ? atoi(argv[1]) : 7;   /* the first child's exit code */
    pid_t first = fork();
    if (first == 0)
        exit(code);
    pid_t second = fork();
    if (second == 0) {
        printf("%d\n", divide(1, 0));   /* SIGFPE: the child dies here */
        exit(0);
    }
    int status;
    wait(&status);
    printf("first child: %d\n", status);
    wait(&status);
    printf("second child: %d\n", status);
    return 0;
}
