// Initialised globals: pointers to other globals, string tables, struct arrays, and
// uninitialised globals that start at zero.
#include <stdio.h>

struct syscall { const char *name; int number; int (*handler)(int); };

static int twice(int v) { return 2 * v; }
static int negate(int v) { return -v; }

int counter = 5;
int *counter_ptr = &counter;
int table[] = { 1, 1, 2, 3, 5, 8 };
int *third = &table[2];
const char *greeting = "hi";
char buffer[] = "mutable";
double ratios[3] = { 0.5, 0.25 };
long zero_long;
char zero_array[4];
struct { int a, b; } pair = { .b = 7 };
struct syscall calls[] = {
    { "read", 0, twice },
    { "write", 1, negate },
    { "fork", 57, NULL },
};
const int ncalls = sizeof calls / sizeof calls[0];

int main(void)
{
    *counter_ptr += 1;
    printf("counter %d, *third %d, greeting %s, buffer %s\n", counter, *third, greeting, buffer);
    buffer[0] = 'M';
    printf("buffer now %s\n", buffer);
    printf("ratios %.2f %.2f %.2f\n", ratios[0], ratios[1], ratios[2]);
    printf("zero_long %ld, zero_array %d%d%d%d, pair %d %d\n", zero_long, zero_array[0], zero_array[1],
           zero_array[2], zero_array[3], pair.a, pair.b);
    for (int i = 0; i < ncalls; i++)
        printf("%-6s %2d -> %d\n", calls[i].name, calls[i].number,
               calls[i].handler ? calls[i].handler(10) : 0);
    printf("sizeof table %zu\n", sizeof table);
    return 0;
}
