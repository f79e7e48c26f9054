// A block in a fastbin whose size field was overwritten (through a dangling pointer) is refused
// when malloc takes it: it is not the size of its bin, and glibc stops with
// "malloc(): memory corruption (fast)".
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    long *blocks[8];
    printf("8 blocks of 24 bytes\n"); /* stdout's buffer is malloc'd now, before the frees */
    for (int i = 0; i < 8; i++)
        blocks[i] = malloc(24);
    for (int i = 0; i < 8; i++)
        free(blocks[i]); /* 0..6 fill the tcache; 7 goes to the fastbin */
    blocks[7][-1] = 0x31; /* the bug: its size field now says 48 */
    long *taken[7];
    for (int i = 0; i < 7; i++)
        taken[i] = malloc(24);
    printf("the tcache is empty: the last block taken is blocks[%d]\n", taken[6] == blocks[0] ? 0 : -1);
    long *p = malloc(24);
    printf("never printed %p\n", (void *)p);
    return 0;
}
