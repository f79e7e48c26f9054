// A block that goes to a fastbin (its tcache full) is checked against its neighbour: glibc
// reads the next chunk's size, and an overflow that zeroed it stops the free with
// "free(): invalid next size (fast)".
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    char *blocks[9];
    for (int i = 0; i < 9; i++)
        blocks[i] = malloc(40);
    for (int i = 0; i < 7; i++)
        free(blocks[i]);
    printf("the tcache for 48-byte chunks is full\n");
    memset(blocks[7], 0, 48); /* the bug: 8 bytes past the end, over blocks[8]'s size */
    free(blocks[7]);
    printf("never printed\n");
    return 0;
}
