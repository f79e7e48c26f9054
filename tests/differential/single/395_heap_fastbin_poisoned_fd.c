// Blocks freed when the tcache of their size is full go to a fastbin, a list linked through
// their first word (stored xor its own address >> 12). A write through a dangling pointer makes
// a link deep in that list lead 8 bytes into a block still in use, where the program forged a
// chunk that looks right (a size of 32, a link to nothing). The malloc that finds the tcache
// empty takes the fastbin's first block and moves the next seven to the tcache, which leaves the
// fastbin starting at the forged chunk; once the tcache is used up again, malloc finds it is not
// 16-byte aligned: "malloc(): unaligned fastbin chunk detected 2".
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    long *blocks[17];
    printf("17 blocks of 24 bytes\n"); /* stdout's buffer is malloc'd now, before the frees */
    for (int i = 0; i < 17; i++)
        blocks[i] = malloc(24);
    /* a chunk forged 8 bytes into blocks[16]: its size field, then its link (to NULL) */
    char *forged = (char *)blocks[16] - 16 + 8;
    blocks[16][0] = 0x21;
    blocks[16][1] = (long)((uintptr_t)&blocks[16][1] >> 12);
    for (int i = 0; i < 16; i++)
        free(blocks[i]); /* 0..6 fill the tcache; 7..15 go to the fastbin, 15 first */
    /* the bug: blocks[8] is freed; its link now leads to the forged chunk */
    blocks[8][0] = (long)(((uintptr_t)&blocks[8][0] >> 12) ^ (uintptr_t)forged); /* memcheck: use-after-free */
    for (int i = 0; i < 15; i++) {
        long *p = malloc(24);
        int j = 0;
        while (j < 16 && blocks[j] != p)
            j++;
        printf("malloc %2d returned block %d\n", i + 1, j);
    }
    long *q = malloc(24);
    printf("never printed %p\n", (void *)q);
    return 0;
}
