// file: words.txt=pear\napple\nfig\napple\nPear\nfig\napple\n_under\n
/* sort and uniq run by system(): the classic cat | sort | uniq -c, then on a file: byte order,
   -r, -u, and uniq -d and -c (into a file) on a sorted file. */
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
    run("cat words.txt | sort | uniq -c");
    run("sort words.txt");
    run("sort -r words.txt");
    run("sort -u words.txt");
    run("sort words.txt > sorted.txt && uniq -d sorted.txt");
    run("uniq -c sorted.txt counts.txt && sort -rn counts.txt");
    return 0;
}
