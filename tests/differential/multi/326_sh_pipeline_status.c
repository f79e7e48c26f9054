/* A pipeline's status is its last command's; && and || look at it; $? keeps it. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

int main(void) {
    printf("%d\n", WEXITSTATUS(system("false | true")));
    printf("%d\n", WEXITSTATUS(system("true | false")));
    system("echo a | grep b || echo no b in a");
    system("echo abc | grep b && echo found b");
    system("nosuch 2>/dev/null | cat; echo pipeline said $?");
    system("(exit 7); echo subshell said $?");
    return 0;
}
