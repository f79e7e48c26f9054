// file: hello.txt=hello world\n
// file: mixed.txt=Hello, World 42\n
// file: spaced.txt=a  b   c\n
// file: phone.txt=phone: 555-0100\n
// file: letters.txt=abcdef\n
// file: tab.txt=tab\there\n
/* tr through system(): in a pipeline, then on files given as its standard input (ranges,
   classes, -d, -s, -c), and its messages and statuses. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

/* Runs a command line through sh and prints its exit status. */
static void run(const char *command) {
    int status = system(command);
    printf("[%s] -> %d\n", command, WEXITSTATUS(status));
}

int main(void) {
    run("echo hi | tr a-z A-Z");
    run("tr a-y b-z < hello.txt");
    run("tr '[:upper:]' '[:lower:]' < mixed.txt");
    run("tr -s ' ' < spaced.txt");
    run("tr -s ' ' '\\n' < spaced.txt");
    run("tr -d '[:digit:]-' < phone.txt");
    run("tr -cd '0-9\\n' < phone.txt");
    run("tr abcdef xy < letters.txt");
    run("tr '\\t' '_' < tab.txt");
    run("tr a-z");
    run("tr -d a b");
    run("tr z-a x < hello.txt");
    run("tr -q a b");
    return 0;
}
