// file: scores.txt=alice 90\nbob 72\ncarol 85\n
/* Reading a file with fscanf: names and numbers until end of file. */
#include <stdio.h>

int main(void) {
    FILE *f = fopen("scores.txt", "r");
    char name[32];
    int score, total = 0, n = 0;
    while (fscanf(f, "%31s %d", name, &score) == 2) {
        printf("%s scored %d\n", name, score);
        total += score;
        n++;
    }
    printf("average %.2f over %d, feof %d\n", (double) total / n, n, feof(f));
    fclose(f);
    return 0;
}
