// stdin: 3\n10 20 30\n-4\n
// Reading numbers: fgets a line, then strtol through it; getchar when there is no input left.
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    char line[64];
    if (!fgets(line, sizeof line, stdin))
        return 1;
    int count = atoi(line);
    printf("expecting %d numbers\n", count);
    if (!fgets(line, sizeof line, stdin))
        return 1;
    long sum = 0;
    char *p = line;
    for (int i = 0; i < count; i++) {
        char *end;
        long v = strtol(p, &end, 10);
        printf("number %d: %ld\n", i + 1, v);
        sum += v;
        p = end;
    }
    if (fgets(line, sizeof line, stdin))
        sum += atoi(line);
    printf("sum %ld\n", sum);
    printf("more input: %s\n", getchar() == EOF ? "no" : "yes");
    return 0;
}
