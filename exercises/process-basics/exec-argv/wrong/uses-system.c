/* Lets the shell do it: system() forks and execs /bin/sh, which runs echo. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char *argv[]) {
    char command[256] = "echo";
    for (int i = 1; i < argc; i++) {
        strcat(command, " ");
        strcat(command, argv[i]);
    }
    int status = system(command);
    printf("echo exited with %d\n", status >> 8);
    return 0;
}
