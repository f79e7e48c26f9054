// Fault: string literals live in read-only memory; writing to one raises SIGSEGV.
#include <stdio.h>

int main(void)
{
    char array[] = "writable copy";
    char *literal = "read-only literal";
    array[0] = 'W';
    printf("%s\n", array);
    printf("writing into the literal...\n");
    literal[0] = 'R';
    printf("%s\n", literal);
    return 0;
}
