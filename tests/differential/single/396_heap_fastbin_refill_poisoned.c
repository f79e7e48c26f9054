// As 395, but the damaged link is met while malloc moves fastbin blocks into the empty tcache:
// glibc checks each block it moves and stops with "malloc(): unaligned fastbin chunk detected 3"
// in the middle of the move.
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    long *blocks[10];
    printf("10 blocks of 24 bytes\n"); /* stdout's buffer is malloc'd now, before the frees */
    for (int i = 0; i < 10; i++)
        blocks[i] = malloc(24);
    for (int i = 0; i < 10; i++)
        free(blocks[i]); /* 0..6 fill the tcache; 7, 8, 9 go to the fastbin, 9 first */
    blocks[8][0] ^= 8; /* the bug: the freed blocks[8]'s link to blocks[7] (memcheck: use-after-free) */
    long *taken[7];
    for (int i = 0; i < 7; i++)
        taken[i] = malloc(24); /* the tcache's seven */
    printf("the tcache is empty: the last block taken is blocks[%d]\n", taken[6] == blocks[0] ? 0 : -1);
    long *p = malloc(24);
    printf("never printed %p\n", (void *)p);
    return 0;
}
