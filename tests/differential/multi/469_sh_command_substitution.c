// file: names.txt=carol\nalice\nbob\n
/* Command substitution in the commands a program gives system(): $( ) and backquotes, inside
   double quotes (one field, newlines kept) and outside (split), in assignments and arithmetic. */
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
    run("echo \"names: $(wc -l < names.txt)\"");
    run("first=$(head -n 1 names.txt); echo \"first is $first\"");
    run("echo \"$(cat names.txt)\"; echo $(cat names.txt)");
    run("n=`wc -l < names.txt`; echo $((n * 10))");
    run("i=0; i=$(expr $i + 1); echo i=$i");
    run("echo $(( $(wc -l < names.txt) * 2 ))");
    return 0;
}
