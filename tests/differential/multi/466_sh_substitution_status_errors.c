/* Command substitution, continued: nested $( ) and backquotes, its status in $? after an
   assignment, a command that is not found inside it, and dash's message when it is not closed. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

static void run(const char *command) {
    printf("$ %s\n", command);
    fflush(stdout);
    int status = system(command);
    printf("status %d\n", WEXITSTATUS(status));
}

int main(void) {
    run("dir=$(dirname $(dirname /usr/lib/x)); echo \"[$dir]\"");
    run("x=$(false); echo status inside: $?");
    run("echo `echo \\`echo nested\\``");
    run("echo $(nosuch) after");
    run("echo $(echo unclosed");
    return 0;
}
