// file: users.txt=root:x:0:0:root:/root:/bin/bash\nstudent:x:1000:1000:Student:/home/student:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n# a comment\n
// file: csv.txt=a,b,c,d\n
// file: table.tsv=name\tscore\tgrade\nada\t97\tA\nbob\t71\tC\n
/* cut in pipelines run by system(): fields with -d and -f (lists and ranges, -s), the tab by
   default, characters with -c; then its usage errors and a missing file. */
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
    run("cut -d: -f1 users.txt");
    run("cut -d: -f1,3 users.txt");
    run("cut -d: -f6- -s users.txt");
    run("cut -f2 table.tsv | sort -n");
    run("cut -c1-3 table.tsv");
    run("cut -d: -f7 -s users.txt");
    run("cut -d, -f-2,4 csv.txt");
    run("cut users.txt");
    run("cut -f0 users.txt");
    run("cut -d:: -f1 users.txt");
    run("cut -f1 missing.txt");
    return 0;
}
