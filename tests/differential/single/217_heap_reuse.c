// How glibc's malloc reuses memory, seen through distances between blocks (never addresses):
// consecutive blocks, the last block freed is the first reused (the tcache is a stack),
// realloc grows in place at the top of the heap but moves a block that has a neighbour, calloc
// zeroes, and a large block comes from a mapping of its own.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    char *a = malloc(16), *b = malloc(16), *c = malloc(100);
    printf("b - a = %ld, c - b = %ld\n", (long)(b - a), (long)(c - b));
    free(a);
    free(b);
    char *x = malloc(16), *y = malloc(16);
    printf("reused: x is %s, y is %s\n", x == b ? "b" : x == a ? "a" : "new", y == a ? "a" : y == b ? "b" : "new");
    char *d = malloc(24);
    printf("a 24-byte request shares the 32-byte chunk size: d %s\n", d == a || d == b ? "reused" : "is new");
    char *last = malloc(200);
    char *grown = realloc(last, 4000);
    printf("realloc of the last block: %s\n", grown == last ? "grew in place" : "moved");
    char *neighbour = malloc(200);
    char *moved = realloc(c, 4000);
    printf("realloc of a block with a neighbour: %s\n", moved == c ? "grew in place" : "moved");
    free(neighbour);
    int *zeros = calloc(64, sizeof(int));
    int nonzero = 0;
    for (int i = 0; i < 64; i++)
        nonzero += zeros[i] != 0;
    printf("calloc: %d non-zero ints\n", nonzero);
    char *big = malloc(1 << 20), *small = malloc(32);
    printf("a 1 MiB block is %s the small blocks\n", labs((long)(big - small)) < (1 << 20) ? "among" : "far from");
    memset(big, 1, 1 << 20);
    free(big);
    char *again = malloc(1 << 20);
    printf("after freeing it, a new 1 MiB block: %s\n", again != NULL ? "ok" : "NULL");
    free(again);
    free(small);
    free(zeros);
    free(moved);
    free(grown);
    free(d);
    free(x);
    free(y);
    printf("all freed\n");
    return 0;
}
