/* tee writes what passes through a pipe to files as well: truncating, then appending with -a;
   a file it cannot open is reported and the others still get the text. */
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
    run("echo one | tee log.txt");
    run("echo two | tee log.txt copy.txt | tr a-z A-Z");
    run("echo three | tee -a log.txt > /dev/null");
    run("cat log.txt copy.txt");
    run("seq 3 | tee nodir/x.txt log.txt");
    run("cat log.txt");
    run("echo x | tee -z");
    return 0;
}
