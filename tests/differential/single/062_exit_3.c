// exit(3) from a nested function: main's return is never reached, the status is 3.
#include <stdio.h>
#include <stdlib.h>

static void check(int value)
{
    if (value > 2) {
        printf("value %d is too big, exiting with 3\n", value);
        exit(3);
    }
    printf("value %d is fine\n", value);
}

int main(void)
{
    for (int i = 0; i < 10; i++)
        check(i);
    printf("never printed\n");
    return 0;
}
