// static locals keep their value between calls; static globals are private to the file;
// extern declares a variable defined elsewhere (here, further down).
#include <stdio.h>

static int file_counter = 100;
extern int defined_later;

static int next_id(void)
{
    static int id = 0;
    return ++id;
}

static const char *name_of_call(void)
{
    static char buffer[16];
    static int calls;
    calls++;
    snprintf(buffer, sizeof buffer, "call #%d", calls);
    return buffer;
}

static int fib_memo(int n)
{
    static long memo[50];
    if (n < 2)
        return n;
    if (memo[n] == 0)
        memo[n] = fib_memo(n - 1) + fib_memo(n - 2);
    return (int)memo[n];
}

static void bump(void)
{
    file_counter += 5;
    defined_later *= 2;
}

int main(void)
{
    for (int i = 0; i < 3; i++)
        printf("id %d\n", next_id());
    const char *first = name_of_call();
    printf("%s\n", first);
    name_of_call();
    printf("the first result now reads \"%s\" (same static buffer)\n", first);
    printf("fib_memo(40) = %d\n", fib_memo(40));
    bump();
    bump();
    printf("file_counter %d, defined_later %d\n", file_counter, defined_later);
    for (int i = 0; i < 2; i++) {
        int automatic = 0;
        static int persistent = 0;
        automatic++;
        persistent++;
        printf("automatic %d persistent %d\n", automatic, persistent);
    }
    return 0;
}

int defined_later = 3;
