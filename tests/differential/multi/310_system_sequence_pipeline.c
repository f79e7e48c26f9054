/* system() runs its command through /bin/sh: sequences, pipelines, && and || work, and the
   status it returns is the shell's wait status. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

int main(void) {
    int s = system("echo first; echo second | cat");
    printf("status %d\n", WEXITSTATUS(s));
    s = system("false && echo not printed || echo printed after false");
    printf("status %d\n", WEXITSTATUS(s));
    s = system("echo one two three | wc -w");
    printf("status %d\n", WEXITSTATUS(s));
    s = system("exit 3");
    printf("exit 3 gives %d\n", WEXITSTATUS(s));
    s = system("no_such_command_here");
    printf("not found gives %d\n", WEXITSTATUS(s));
    printf("system(NULL) = %d\n", system(NULL) != 0);
    return 0;
}
