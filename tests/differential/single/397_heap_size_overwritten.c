// Writing past the end of a block overwrites the size in the next block's header. Freeing that
// block then files it under the wrong size: the next malloc of the forged size gets it back,
// overlapping the block after it, as on Linux. A size that is not a multiple of 16 is refused at
// once: "free(): invalid size".
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    long *a = malloc(24);
    long *b = malloc(24);
    long *c = malloc(24);
    long *d = malloc(24);
    a[3] = 0x41; /* the bug: a holds 24 bytes; a[3] is b's size field (32 | in use) */
    free(b);     /* filed as a 64-byte chunk */
    long *e = malloc(56);
    printf("malloc(56) returned b: %s; it overlaps c: %s\n", e == b ? "yes" : "no",
           (char *)e + 56 > (char *)c ? "yes" : "no");
    c[-1] = 0x29; /* c's size field: 40, not a multiple of 16 */
    printf("freeing c\n");
    free(c);
    printf("never printed %p\n", (void *)d);
    return 0;
}
