// file: scores.txt=bob 7\nalice 12\ncarol 7\ndave 100\neve -3\n
// file: passwd.txt=root:x:0\nstudent:x:1000\nbin:x:2\ndaemon:x:1\n
// file: numbers.txt=10\n9\n-2\n3.5\nx\n
/* sort by number and by fields: -n, -k N with and without an end field and its own letters,
   -t for another separator; then a missing file and a bad key, and uniq on a missing file. */
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
    run("sort -k2 -n scores.txt");
    run("sort -k 2,2nr -k 1 scores.txt");
    run("sort -t: -k3 -n passwd.txt");
    run("sort -n numbers.txt");
    run("sort missing.txt");
    run("sort -k 0 words.txt");
    run("uniq missing.txt");
    return 0;
}
