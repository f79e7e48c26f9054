#include <stdio.h>
#include <string.h>

#define WORDS 2000
#define LEN 40

static char words[WORDS][LEN];
static char line[WORDS * 8];
static char copy[WORDS * 8];

int main(void) {
    unsigned seed = 7;
    for (int i = 0; i < WORDS; i++) {
        int n = 4 + i % 30;
        for (int k = 0; k < n; k++) {
            seed = seed * 1103515245 + 12345;
            words[i][k] = 'a' + (seed >> 16) % 4;
        }
        words[i][n] = '\0';
    }
    long total = 0;
    for (int round = 0; round < 1000; round++) {
        /* count pairs in order, copy each word, join a line, measure it */
        int ordered = 0;
        for (int i = 1; i < WORDS; i++) {
            if (strcmp(words[i - 1], words[i]) < 0) ordered++;
        }
        char buffer[LEN];
        for (int i = 0; i < WORDS; i++) {
            strcpy(buffer, words[i]);
            total += strlen(buffer);
        }
        line[0] = '\0';
        size_t used = 0;
        for (int i = 0; i < WORDS / 4; i++) {
            size_t n = strlen(words[i]);
            memcpy(line + used, words[i], n);
            used += n;
            line[used++] = ' ';
        }
        line[used] = '\0';
        memcpy(copy, line, used + 1);
        memset(line, 0, sizeof line);
        total += ordered + strlen(copy) + (strchr(copy, 'd') - copy) + (strncmp(copy, words[0], 3) == 0);
    }
    printf("%ld\n", total);
    return 0;
}
