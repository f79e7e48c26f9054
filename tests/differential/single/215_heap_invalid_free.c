// free() must get back exactly the pointer malloc returned: freeing a pointer into the middle
// of a block makes glibc abort with "free(): invalid pointer".
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int *numbers = malloc(10 * sizeof *numbers);
    for (int i = 0; i < 10; i++)
        numbers[i] = i * i;
    int *cursor = numbers;
    long sum = 0;
    for (int i = 0; i < 10; i++)
        sum += *cursor++;
    printf("sum of squares: %ld\n", sum);
    cursor -= 5;
    printf("freeing the cursor (5 elements into the block)\n");
    free(cursor + 1);
    printf("never printed\n");
    return 0;
}
