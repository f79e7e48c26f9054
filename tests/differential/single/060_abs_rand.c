// abs, and rand/srand: glibc's generator gives this exact sequence for srand(1), and rand()
// without srand behaves as if seeded with 1.
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("abs(-5) %d, abs(5) %d, abs(0) %d, abs(-2147483647) %d\n", abs(-5), abs(5), abs(0), abs(-2147483647));
    printf("RAND_MAX = %d\n", RAND_MAX);
    printf("unseeded:");
    for (int i = 0; i < 3; i++)
        printf(" %d", rand());
    printf("\n");
    srand(1);
    printf("srand(1):");
    for (int i = 0; i < 10; i++)
        printf(" %d", rand());
    printf("\n");
    srand(42);
    printf("srand(42):");
    for (int i = 0; i < 5; i++)
        printf(" %d", rand());
    printf("\n");
    srand(1);
    int counts[6] = { 0 };
    for (int i = 0; i < 6000; i++)
        counts[rand() % 6]++;
    printf("dice:");
    for (int i = 0; i < 6; i++)
        printf(" %d", counts[i]);
    printf("\n");
    srand(0);
    printf("srand(0) first: %d\n", rand());
    return 0;
}
