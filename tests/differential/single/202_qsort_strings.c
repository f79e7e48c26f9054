// Sorting strings: an array of char pointers with strcmp, the letters of a word, and words by
// length then alphabetically; then bsearch in the sorted array.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int compare_words(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int compare_chars(const void *a, const void *b)
{
    return *(const char *)a - *(const char *)b;
}

static int by_length(const void *a, const void *b)
{
    const char *s = *(char *const *)a, *t = *(char *const *)b;
    size_t m = strlen(s), n = strlen(t);
    if (m != n)
        return m < n ? -1 : 1;
    return strcmp(s, t);
}

int main(void)
{
    char *words[] = { "kiwi", "banana", "apple", "fig", "cherry", "date", "apple", "elderberry", "grape" };
    int n = sizeof words / sizeof words[0];
    qsort(words, n, sizeof words[0], compare_words);
    for (int i = 0; i < n; i++)
        printf("%s%s", words[i], i + 1 < n ? " " : "\n");

    const char *wanted[] = { "fig", "mango", "apple", "zucchini", "date" };
    for (int i = 0; i < 5; i++) {
        char **hit = bsearch(&wanted[i], words, n, sizeof words[0], compare_words);
        if (hit)
            printf("%s found at index %ld\n", wanted[i], (long)(hit - words));
        else
            printf("%s not found\n", wanted[i]);
    }

    char letters[] = "mississippi river";
    qsort(letters, strlen(letters), 1, compare_chars);
    printf("[%s]\n", letters);

    qsort(words, n, sizeof words[0], by_length);
    for (int i = 0; i < n; i++)
        printf("%zu:%s%s", strlen(words[i]), words[i], i + 1 < n ? " " : "\n");
    return 0;
}
