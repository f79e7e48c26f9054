// Recursion: factorial, Fibonacci, Ackermann (small), Towers of Hanoi, power set.
#include <stdio.h>

static unsigned long factorial(unsigned n)
{
    return n <= 1 ? 1 : n * factorial(n - 1);
}

static int fib(int n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static int ackermann(int m, int n)
{
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static int moves;

static void hanoi(int n, char from, char to, char via)
{
    if (n == 0)
        return;
    hanoi(n - 1, from, via, to);
    moves++;
    if (n >= 3)
        printf("move disk %d from %c to %c\n", n, from, to);
    hanoi(n - 1, via, to, from);
}

static int gcd(int a, int b)
{
    return b == 0 ? a : gcd(b, a % b);
}

static void subsets(const char *set, int i, char *chosen, int len)
{
    if (set[i] == '\0') {
        chosen[len] = '\0';
        printf("{%s}", chosen);
        return;
    }
    subsets(set, i + 1, chosen, len);
    chosen[len] = set[i];
    subsets(set, i + 1, chosen, len + 1);
}

int main(void)
{
    for (unsigned n = 0; n <= 20; n += 5)
        printf("%u! = %lu\n", n, factorial(n));
    printf("fib:");
    for (int i = 0; i <= 20; i++)
        printf(" %d", fib(i));
    printf("\n");
    for (int m = 0; m <= 3; m++)
        printf("A(%d, 3) = %d\n", m, ackermann(m, 3));
    hanoi(4, 'A', 'C', 'B');
    printf("hanoi(4) took %d moves\n", moves);
    printf("gcd(1071, 462) = %d\n", gcd(1071, 462));
    char chosen[8];
    subsets("abc", 0, chosen, 0);
    printf("\n");
    return 0;
}
