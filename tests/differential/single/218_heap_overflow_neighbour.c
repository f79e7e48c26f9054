// Writing past the end of a block overwrites the next block: its contents change, and the
// chunk header between them is damaged. Its size field now holds letters, one of whose bits
// says "mapped with mmap", so freeing it aborts with glibc's "munmap_chunk(): invalid pointer".
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    char *first = malloc(16);
    char *second = malloc(16);
    strcpy(second, "SECOND");
    printf("before: second = \"%s\"\n", second);
    strcpy(first, "0123456789abcdefghijklmnopqrstuvwxyz");
    printf("after an overflow of first: second = \"%s\"\n", second);
    free(first);
    printf("first freed\n");
    free(second);
    printf("never printed\n");
    return 0;
}
