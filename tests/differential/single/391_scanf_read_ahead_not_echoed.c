// stdin: 5 7\n
// scanf alone reads the terminal: what it read ahead is never written back to the terminal when
// the program exits (the lab once flushed stdin's read-ahead as if it were output).
#include <stdio.h>

int main(void)
{
    int a, b;
    if (scanf("%d %d", &a, &b) == 2)
        printf("%d + %d = %d\n", a, b, a + b);
    return 0;
}
