// A write through a pointer kept after free() lands in whatever malloc hands out next: glibc's
// tcache gives the last freed block of a size to the next request of that size, so the stale
// write shows up in the new block. Linux runs on without a word; the lab prints the same and
// warns twice: use-after-free on the line of the stale write, and uninitialised-value where the
// program prints bytes of the new block that it never wrote (malloc does not clear them).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    char *name = malloc(32);
    strcpy(name, "alice");
    free(name);
    strcpy(name + 16, "stale");        /* stale pointer, the block is free (memcheck: use-after-free) */
    char *other = malloc(32);
    strcpy(other, "bob");
    printf("other is \"%s\"\n", other);
    printf("same block: %s\n", name == other ? "yes" : "no");
    printf("left in it: \"%s\"\n", other + 16);   /* memcheck: uninitialised-value */
    free(other);
    return 0;
}
