// When the tcache for a size is full (7 blocks), freed blocks go to a fastbin, whose check is
// different: freeing the block at the top of the fastbin twice in a row is
// "double free or corruption (fasttop)".
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    char *blocks[9];
    for (int i = 0; i < 9; i++)
        blocks[i] = malloc(48);
    for (int i = 0; i < 7; i++)
        free(blocks[i]);
    printf("seven blocks freed: the tcache for this size is full\n");
    free(blocks[7]);
    printf("the eighth went to a fastbin\n");
    free(blocks[7]);
    printf("never printed\n");
    return 0;
}
