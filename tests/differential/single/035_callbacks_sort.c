// Callbacks: a generic insertion sort that takes the comparison as a function pointer.
#include <stdio.h>
#include <string.h>

typedef int (*compare_fn)(const void *, const void *);

static void sort(void *base, int n, int size, compare_fn cmp)
{
    char *a = base;
    char tmp[64];
    for (int i = 1; i < n; i++) {
        memcpy(tmp, a + i * size, size);
        int j = i - 1;
        while (j >= 0 && cmp(a + j * size, tmp) > 0) {
            memcpy(a + (j + 1) * size, a + j * size, size);
            j--;
        }
        memcpy(a + (j + 1) * size, tmp, size);
    }
}

static int ascending(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    return (a > b) - (a < b);
}

static int descending(const void *x, const void *y)
{
    return ascending(y, x);
}

static int by_string(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

struct proc { int pid; int priority; };

static int by_priority_then_pid(const void *x, const void *y)
{
    const struct proc *a = x, *b = y;
    if (a->priority != b->priority)
        return a->priority - b->priority;
    return a->pid - b->pid;
}

static void for_each(int *a, int n, void (*visit)(int))
{
    for (int i = 0; i < n; i++)
        visit(a[i]);
    printf("\n");
}

static void print_item(int v) { printf(" %d", v); }
static void print_square(int v) { printf(" %d", v * v); }

int main(void)
{
    int numbers[] = { 5, -2, 9, 0, 3, 3, -7, 12 };
    int n = sizeof numbers / sizeof numbers[0];
    sort(numbers, n, sizeof(int), ascending);
    printf("ascending:");
    for_each(numbers, n, print_item);
    sort(numbers, n, sizeof(int), descending);
    printf("descending:");
    for_each(numbers, n, print_item);
    printf("squares:");
    for_each(numbers, n, print_square);

    const char *words[] = { "wait", "fork", "exec", "clone", "vfork", "exit" };
    sort(words, 6, sizeof(char *), by_string);
    for (int i = 0; i < 6; i++)
        printf("%s ", words[i]);
    printf("\n");

    struct proc procs[] = { { 7, 2 }, { 3, 1 }, { 9, 2 }, { 1, 3 }, { 4, 1 } };
    sort(procs, 5, sizeof(struct proc), by_priority_then_pid);
    for (int i = 0; i < 5; i++)
        printf("pid %d prio %d\n", procs[i].pid, procs[i].priority);
    return 0;
}
