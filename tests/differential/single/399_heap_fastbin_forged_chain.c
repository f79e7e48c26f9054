// As 396, but the damaged link leads to a forged chunk 8 bytes into blocks[7] whose own link
// reads as the end of the list, so that nothing but glibc's alignment check can tell: malloc
// checks each block it moves from the fastbin to the tcache and stops with
// "malloc(): unaligned fastbin chunk detected 3".
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    long *blocks[10];
    printf("10 blocks of 24 bytes\n"); /* stdout's buffer is malloc'd now, before the frees */
    for (int i = 0; i < 10; i++)
        blocks[i] = malloc(24);
    /* the forged chunk's link (a freed link is stored xor its address >> 12): NULL */
    blocks[7][1] = (long)((uintptr_t)&blocks[7][1] >> 12);
    for (int i = 0; i < 10; i++)
        free(blocks[i]); /* 0..6 fill the tcache; 7, 8, 9 go to the fastbin, 9 first */
    blocks[8][0] ^= 8; /* the bug: the freed blocks[8]'s link now leads 8 bytes into blocks[7] (memcheck: use-after-free) */
    long *taken[7];
    for (int i = 0; i < 7; i++)
        taken[i] = malloc(24); /* the tcache's seven */
    printf("the tcache is empty: the last block taken is blocks[%d]\n", taken[6] == blocks[0] ? 0 : -1);
    long *p = malloc(24);
    printf("never printed %p\n", (void *)p);
    return 0;
}
