// file: poem.txt=The fork and the exec,\nthe wait and the exit:\nthe Parent waits; the child exits.\nFork, exec, wait!\n
/* The word-frequency exercise: tr -cs splits the text into words, one a line, lower-cased by a
   second tr; sort and uniq -c count them into a file; the program reads the counts back and
   prints the most frequent words itself. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

int main(void) {
    int status = system("tr -cs 'A-Za-z' '\\n' < poem.txt > words.txt && tr A-Z a-z < words.txt > lower.txt"
                        " && sort lower.txt > sorted.txt && uniq -c sorted.txt counts.txt");
    printf("status %d\n", WEXITSTATUS(status));
    FILE *p = fopen("counts.txt", "r");
    char word[64], words[32][64];
    int count, counts[32], n = 0;
    while (n < 32 && fscanf(p, "%d %63s", &count, word) == 2) {
        counts[n] = count;
        strcpy(words[n++], word);
    }
    fclose(p);
    printf("%d distinct words\n", n);
    /* the three most frequent, ties in sort's order */
    for (int rank = 1; rank <= 3; rank++) {
        int best = -1;
        for (int i = 0; i < n; i++) if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) best = i;
        printf("#%d %s (%d)\n", rank, words[best], counts[best]);
        counts[best] = -counts[best];
    }
    return 0;
}
