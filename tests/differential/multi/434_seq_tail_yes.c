// file: log.txt=1 boot\n2 login\n3 work\n4 work\n5 logout\n6 shutdown\n7 boot\n8 login\n9 work\n10 work\n11 logout\n12 shutdown\n
/* seq and tail as students use them: counts, steps, decimals, separators; the last lines of a
   file or of several (standard input among them), from a line on; and their errors. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

static void run(const char *command) {
    printf("$ %s\n", command);
    fflush(stdout);
    int status = system(command);
    if (WIFSIGNALED(status)) printf("signal %d\n", WTERMSIG(status));
    else printf("status %d\n", WEXITSTATUS(status));
}

int main(void) {
    run("seq 3");
    run("seq 2 5");
    run("seq 10 -3 1");
    run("seq 0 0.25 1");
    run("seq -s ', ' 5");
    run("seq -w 8 11");
    run("tail log.txt");
    run("tail -3 log.txt");
    run("tail -n +11 log.txt");
    run("tail -n 1 log.txt - < log.txt");
    run("seq");
    run("seq 1 0 5");
    run("seq one");
    run("tail -n x log.txt");
    run("tail missing.txt");
    return 0;
}
