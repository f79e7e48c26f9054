/* exec of the program itself, by the name the shell gave it (./NAME): argv counts down. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char *argv[]) {
    int n = argc > 1 ? atoi(argv[1]) : 3;
    printf("round %d (argv[0] = %s)\n", n, argv[0]);
    fflush(stdout);
    if (n == 0) return 0;
    char next[16];
    sprintf(next, "%d", n - 1);
    execl(argv[0], argv[0], next, (char *)NULL);
    perror("execl");
    return 1;
}
