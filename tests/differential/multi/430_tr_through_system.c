/* tr through system(): ranges, classes, -d, -s, -c, and its messages and statuses. */
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
    run("echo 'hello world' | tr a-y b-z");
    run("echo 'Hello, World 42' | tr '[:upper:]' '[:lower:]'");
    run("echo 'a  b   c' | tr -s ' '");
    run("echo 'a  b   c' | tr -s ' ' '\\n'");
    run("echo 'phone: 555-0100' | tr -d '[:digit:]-'");
    run("echo 'phone: 555-0100' | tr -cd '0-9\\n'");
    run("echo abcdef | tr abcdef xy");
    run("printf 'tab\\there\\n' | tr '\\t' '_'");
    run("tr a-z");
    run("tr -d a b");
    run("echo x | tr z-a x");
    run("tr -q a b");
    return 0;
}
