/* tee copies its input to files as well: in a pipeline, then from a file: truncating, then
   appending with -a; a file it cannot open is reported and the others still get the text. */
// file: two.txt=two\n
// file: three.txt=three\n
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
    run("tee log.txt copy.txt < two.txt");
    run("tee -a log.txt < three.txt > /dev/null");
    run("cat log.txt copy.txt");
    run("tee nodir/x.txt log.txt < two.txt");
    run("cat log.txt");
    run("tee -z < two.txt");
    return 0;
}
