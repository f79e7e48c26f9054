// A write through a dangling pointer damages the tcache's list: a freed block's first word is
// the (mangled) pointer to the next free block of its size. The next malloc of that size still
// gets the block, but the one after finds the list pointing at an address that is not 16-byte
// aligned, and glibc stops with "malloc(): unaligned tcache chunk detected" (SIGABRT).
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    long *a = malloc(24);
    long *b = malloc(24);
    printf("b is %ld bytes after a\n", (long)((char *)b - (char *)a));
    free(a);
    free(b);
    b[0] ^= 8; /* the bug: b is freed; this moves its link to a by 8 bytes (memcheck: use-after-free) */
    long *c = malloc(24);
    printf("c is b: %s\n", c == b ? "yes" : "no");
    long *d = malloc(24);
    printf("never printed %p\n", (void *)d);
    return 0;
}
