// stdin: the fork call returns twice\nthe parent gets the pid and the child gets zero\nthe end
// Word frequencies with a hash table of linked lists on the heap, printed in order of count.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define BUCKETS 31

struct entry {
    char *word;
    int count;
    struct entry *next;
};

static struct entry *table[BUCKETS];
static int distinct;

static unsigned hash(const char *s)
{
    unsigned h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h % BUCKETS;
}

static void add_word(const char *word)
{
    unsigned h = hash(word);
    for (struct entry *e = table[h]; e; e = e->next)
        if (strcmp(e->word, word) == 0) {
            e->count++;
            return;
        }
    struct entry *e = malloc(sizeof *e);
    e->word = strdup(word);
    e->count = 1;
    e->next = table[h];
    table[h] = e;
    distinct++;
}

int main(void)
{
    char word[32];
    int len = 0, c;
    while ((c = getchar()) != EOF) {
        if (isalpha(c)) {
            if (len < 31)
                word[len++] = (char)tolower(c);
        } else if (len > 0) {
            word[len] = '\0';
            add_word(word);
            len = 0;
        }
    }
    if (len > 0) {
        word[len] = '\0';
        add_word(word);
    }
    struct entry **all = malloc(distinct * sizeof *all);
    int n = 0;
    for (int b = 0; b < BUCKETS; b++)
        for (struct entry *e = table[b]; e; e = e->next)
            all[n++] = e;
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0; j--) {
            struct entry *a = all[j - 1], *b = all[j];
            if (a->count > b->count || (a->count == b->count && strcmp(a->word, b->word) <= 0))
                break;
            all[j - 1] = b;
            all[j] = a;
        }
    printf("%d distinct words\n", distinct);
    for (int i = 0; i < n; i++) {
        printf("%-8s %d\n", all[i]->word, all[i]->count);
        free(all[i]->word);
        free(all[i]);
    }
    free(all);
    return 0;
}
