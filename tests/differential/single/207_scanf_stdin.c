// stdin: 4\n17 -3\n  25\n8\nAda 36.5\nLovelace\nthe rest of this line\n1 2 three 4\n
// Reading the terminal with scanf: a count then that many numbers, a word and a double, a
// getchar and fgets after scanf (the newline scanf left behind), then a loop that stops at
// the first word, and scanf's return values at a mismatch and at end of file.
#include <stdio.h>

int main(void)
{
    int n;
    printf("how many numbers? ");
    if (scanf("%d", &n) != 1) {
        printf("that is not a number\n");
        return 1;
    }
    int total = 0;
    for (int i = 0; i < n; i++) {
        int x;
        if (scanf("%d", &x) == 1)
            total += x;
    }
    printf("total of %d numbers: %d\n", n, total);

    char name[16];
    double temperature;
    int got = scanf("%15s %lf", name, &temperature);
    printf("got %d: %s has %.1f degrees\n", got, name, temperature);

    char surname[16];
    scanf("%15s", surname);
    int c = getchar();
    printf("surname %s, then a character with code %d\n", surname, c);

    char line[64];
    if (fgets(line, sizeof line, stdin) != NULL)
        printf("fgets read: %s", line);

    int value, r;
    while ((r = scanf("%d", &value)) == 1)
        printf("value %d\n", value);
    printf("scanf returned %d at the word\n", r);
    char word[16];
    r = scanf("%15s", word);
    printf("the word was %s (%d)\n", word, r);
    r = scanf("%d", &value);
    printf("last number %d (%d)\n", value, r);
    r = scanf("%d", &value);
    printf("at end of input scanf returns %d (EOF is %d)\n", r, EOF);
    return 0;
}
