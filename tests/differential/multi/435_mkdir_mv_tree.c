/* mkdir (-p) and mv as a program's housekeeping: make a tree, move files into it and rename
   them, move a directory; then each error students meet, with its status. */
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
    run("mkdir out");
    run("mkdir -p out/logs/2024 out/data");
    run("ls out");
    run("echo first > report.txt && mv report.txt out/data");
    run("ls out/data && cat out/data/report.txt");
    run("mv out/data/report.txt out/data/final.txt && ls out/data");
    run("echo second > draft.txt && mv draft.txt out/data/final.txt && cat out/data/final.txt");
    run("mv out/logs archive && ls && ls archive");
    run("mkdir out");
    run("mkdir -p out");
    run("mkdir a/b");
    run("touch plain && mkdir -p plain/x");
    run("mv nothing here");
    run("mv archive archive/2024");
    run("mv out/data plain");
    run("mv plain");
    run("mkdir");
    return 0;
}
