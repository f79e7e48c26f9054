// printf with %p (only values that do not depend on the machine), %% and printf's return value.
#include <stdio.h>

int main(void)
{
    void *none = NULL;
    void *fixed = (void *)0x1234;
    void *high = (void *)0x7ffd0000abcdUL;

    printf("[%p] [%p] [%p]\n", none, fixed, high);
    printf("[%20p] [%-12p|]\n", fixed, fixed);
    printf("100%% sure, %d%% done, %%d is not a conversion here\n", 50);
    int n = printf("counting these characters\n");
    printf("printf returned %d\n", n);
    n = printf("%s=%d%c", "x", 12345, '\n');
    printf("and then %d\n", n);
    n = printf("%s", "");
    printf("empty output returned %d\n", n);
    return 0;
}
