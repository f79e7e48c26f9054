// file: names.txt=carol\nalice\nbob\n
/* Command substitution in the commands a program gives system() and popen(): $( ) and
   backquotes, nested, inside double quotes (one field) and outside (split), in assignments
   (never split) and arithmetic, its status in $?, and dash's message when it is not closed. */
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
    run("first=$(sort names.txt | head -n 1); echo \"first is $first\"");
    run("echo $(sort -r names.txt)");
    run("echo \"$(sort -r names.txt)\"");
    run("n=`wc -l < names.txt`; echo $((n * 10))");
    run("i=0; i=$(expr $i + 1); i=$(expr $i + 1); echo i=$i");
    run("echo $(( $(seq 4 | tail -n 1) * 2 ))");
    run("dir=$(dirname $(dirname /usr/lib/x)); echo \"[$dir]\"");
    run("words=$(echo one   two); echo \"$words\"");
    run("x=$(false); echo status inside: $?");
    run("echo `echo \\`echo nested\\``");
    run("echo \"[$(printf 'a\\n\\n\\n')]\"");
    run("echo $(nosuch) after");
    run("echo $(echo unclosed");

    char line[128];
    FILE *p = popen("echo \"today: $(echo Monday | tr a-z A-Z)\"", "r");
    while (fgets(line, sizeof line, p)) printf("popen read: %s", line);
    printf("pclose %d\n", WEXITSTATUS(pclose(p)));
    return 0;
}
