// file: log.txt=INFO start\nWARN disk\nINFO work\nERROR oops\nINFO done\n
// file: other.txt=WARN net\n
/* grep (fixed strings) and head on files: -c, -v, -n, several files, and exit statuses. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

int main(void) {
    system("grep INFO log.txt");
    system("grep -c INFO log.txt");
    system("grep -n WARN log.txt other.txt");
    system("grep -v INFO log.txt | head -n 1");
    int s = system("grep NOTHING log.txt");
    printf("no match: %d\n", WEXITSTATUS(s));
    s = system("grep x missing.txt");
    printf("missing file: %d\n", WEXITSTATUS(s));
    system("head -n 2 log.txt other.txt");
    return 0;
}
