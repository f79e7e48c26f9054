// Array initialisers: partial lists (rest is zero), sizes from the list, designated initialisers,
// string initialisers, and static arrays that start zeroed.
#include <stdio.h>

static int zeroed[5];

struct config { int id; const char *name; double weight; };

static void print_ints(const char *label, const int *a, int n)
{
    printf("%s:", label);
    for (int i = 0; i < n; i++)
        printf(" %d", a[i]);
    printf("\n");
}

int main(void)
{
    int partial[6] = { 1, 2 };
    int sized[] = { 5, 4, 3, 2, 1 };
    int designated[8] = { [2] = 20, [5] = 50, 60, [0] = 1 };
    int all_zero[4] = { 0 };
    print_ints("partial", partial, 6);
    print_ints("sized", sized, (int)(sizeof sized / sizeof sized[0]));
    print_ints("designated", designated, 8);
    print_ints("all_zero", all_zero, 4);
    print_ints("static", zeroed, 5);

    char word[] = "fork";
    char padded[8] = "ab";
    char letters[] = { 'x', 'y', 'z' };
    printf("sizeof word %zu, padded %zu, letters %zu\n", sizeof word, sizeof padded, sizeof letters);
    printf("padded bytes:");
    for (int i = 0; i < 8; i++)
        printf(" %d", padded[i]);
    printf("\n");

    struct config configs[] = {
        { 1, "one", 1.5 },
        { .name = "two", .id = 2 },
        [3] = { .id = 4, .weight = 4.25 },
    };
    int n = sizeof configs / sizeof configs[0];
    for (int i = 0; i < n; i++)
        printf("config %d: id %d name %s weight %.2f\n", i, configs[i].id,
               configs[i].name ? configs[i].name : "(none)", configs[i].weight);
    int squares[10];
    for (int i = 0; i < 10; i++)
        squares[i] = i * i;
    print_ints("squares", squares, 10);
    return 0;
}
