// file: poem.txt=The fork and the exec,\nthe wait and the exit:\nthe Parent waits; the child exits.\nFork, exec, wait!\n
/* The classic word-frequency pipeline, read back through popen: split into words with tr -cs,
   lower-case them, sort, count with uniq -c, sort by count, keep the top lines. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

int main(void) {
    FILE *p = popen("tr -cs 'A-Za-z' '\\n' < poem.txt | tr A-Z a-z | sort | uniq -c | sort -k1,1nr -k2 | head -n 4", "r");
    char word[64];
    int count, rank = 0;
    while (fscanf(p, "%d %63s", &count, word) == 2) printf("#%d %s (%d)\n", ++rank, word, count);
    printf("pipeline status %d\n", WEXITSTATUS(pclose(p)));
    p = popen("tr -cs 'A-Za-z' '\\n' < poem.txt | sort -u | wc -l", "r");
    if (fscanf(p, "%d", &count) == 1) printf("%d distinct words (case kept)\n", count);
    pclose(p);
    return 0;
}
