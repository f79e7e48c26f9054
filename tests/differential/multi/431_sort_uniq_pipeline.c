// file: words.txt=pear\napple\nfig\napple\nPear\nfig\napple\n_under\n
// file: scores.txt=bob 7\nalice 12\ncarol 7\ndave 100\neve -3\n
// file: passwd.txt=root:x:0\nstudent:x:1000\nbin:x:2\ndaemon:x:1\n
/* sort and uniq in pipelines run by system(): byte order, -n, -r, -u, -k, -t, uniq -c and -d,
   the classic word count, and what happens with a missing file. */
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
    run("sort words.txt");
    run("sort -r words.txt");
    run("sort -u words.txt");
    run("cat words.txt | sort | uniq -c");
    run("sort words.txt | uniq -d");
    run("sort words.txt | uniq -c | sort -rn | head -n 1");
    run("sort -k2 -n scores.txt");
    run("sort -k 2,2nr -k 1 scores.txt");
    run("sort -t: -k3 -n passwd.txt");
    run("printf '10\\n9\\n-2\\n3.5\\nx\\n' | sort -n");
    run("sort missing.txt");
    run("sort -k 0 words.txt");
    run("uniq missing.txt");
    return 0;
}
