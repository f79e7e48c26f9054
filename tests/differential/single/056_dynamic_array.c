// A growing array with realloc, a zeroed table with calloc, and realloc's special cases.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vector {
    int *items;
    int size, capacity;
};

static void vector_push(struct vector *v, int item)
{
    if (v->size == v->capacity) {
        int cap = v->capacity ? v->capacity * 2 : 2;
        int *bigger = realloc(v->items, cap * sizeof *bigger);
        if (!bigger)
            exit(1);
        v->items = bigger;
        v->capacity = cap;
        printf("grew to %d\n", cap);
    }
    v->items[v->size++] = item;
}

int main(void)
{
    struct vector v = { NULL, 0, 0 };
    for (int i = 0; i < 20; i++)
        vector_push(&v, i * i);
    long sum = 0;
    for (int i = 0; i < v.size; i++)
        sum += v.items[i];
    printf("size %d capacity %d sum %ld last %d\n", v.size, v.capacity, sum, v.items[v.size - 1]);
    free(v.items);

    int *zeros = calloc(10, sizeof(int));
    int all_zero = 1;
    for (int i = 0; i < 10; i++)
        if (zeros[i] != 0)
            all_zero = 0;
    printf("calloc gives zeros: %d\n", all_zero);

    zeros = realloc(zeros, 20 * sizeof(int));
    for (int i = 10; i < 20; i++)
        zeros[i] = i;
    printf("after realloc keeps old values: %d %d %d\n", zeros[0], zeros[9], zeros[19]);
    zeros = realloc(zeros, 5 * sizeof(int));
    printf("shrunk, first five still zero: %d\n", zeros[0] + zeros[4]);
    free(zeros);

    char *s = realloc(NULL, 8);
    strcpy(s, "realloc");
    printf("realloc(NULL, 8) behaves like malloc: %s\n", s);
    free(s);

    char **lines = malloc(3 * sizeof(char *));
    for (int i = 0; i < 3; i++) {
        lines[i] = malloc(12);
        snprintf(lines[i], 12, "line %d", i + 1);
    }
    for (int i = 2; i >= 0; i--) {
        printf("%s\n", lines[i]);
        free(lines[i]);
    }
    free(lines);
    free(NULL);
    printf("free(NULL) is fine\n");
    void *big = malloc(1 << 20);
    printf("1 MiB malloc %s\n", big ? "succeeded" : "failed");
    memset(big, 7, 1 << 20);
    printf("last byte %d\n", ((unsigned char *)big)[(1 << 20) - 1]);
    free(big);
    return 0;
}
