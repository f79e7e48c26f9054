// Only the low 8 bits of the exit status reach the parent: exit(256 + 7) is seen as 7.
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("exit(256 + 7)\n");
    exit(256 + 7);
}
