// A heap overflow that runs past a block into the top of the heap: the next malloc that needs
// the top chunk finds its size overwritten and glibc aborts with "malloc(): corrupted top size".
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    printf("copying a long name into a 16-byte block\n");
    char *name = malloc(16);
    strcpy(name, "Bartholomew Featherstonehaugh");
    printf("the copy reads back fine: %s\n", name);
    char *more = malloc(64);
    printf("never printed: %p\n", (void *)more);
    return 0;
}
