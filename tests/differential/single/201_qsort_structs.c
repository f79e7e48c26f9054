// qsort of structs: equal keys keep their order (glibc's merge sort is stable), small records
// are moved whole and records over 32 bytes are sorted through pointers, as glibc does.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct point {
    short x, y, z;
};

struct student {
    char name[24];
    int grade;
    int id;
    double average;
};

static int calls;

static int by_y(const void *a, const void *b)
{
    calls++;
    return ((const struct point *)a)->y - ((const struct point *)b)->y;
}

static int by_grade(const void *a, const void *b)
{
    const struct student *s = a, *t = b;
    calls++;
    return t->grade - s->grade;
}

static int by_name(const void *a, const void *b)
{
    calls++;
    return strcmp(((const struct student *)a)->name, ((const struct student *)b)->name);
}

int main(void)
{
    struct point p[8];
    for (int i = 0; i < 8; i++) {
        p[i].x = i;
        p[i].y = (i * 5) % 3;
        p[i].z = -i;
    }
    qsort(p, 8, sizeof p[0], by_y);
    printf("points (%zu bytes each):", sizeof p[0]);
    for (int i = 0; i < 8; i++)
        printf(" (%d,%d,%d)", p[i].x, p[i].y, p[i].z);
    printf("  %d comparisons\n", calls);

    struct student s[] = {
        { "Mallory", 12, 1, 11.5 }, { "Alice", 17, 2, 16.25 }, { "Bob", 12, 3, 12.0 },
        { "Eve", 17, 4, 15.75 }, { "Carol", 15, 5, 14.5 }, { "Dave", 12, 6, 10.0 },
        { "Trent", 9, 7, 8.5 }, { "Peggy", 15, 8, 13.0 },
    };
    int n = sizeof s / sizeof s[0];
    printf("students are %zu bytes each\n", sizeof s[0]);
    calls = 0;
    qsort(s, n, sizeof s[0], by_name);
    for (int i = 0; i < n; i++)
        printf("%s%s", i ? ", " : "by name: ", s[i].name);
    printf("  (%d comparisons)\n", calls);
    calls = 0;
    qsort(s, n, sizeof s[0], by_grade);
    for (int i = 0; i < n; i++)
        printf("%2d %-8s id %d avg %.2f\n", s[i].grade, s[i].name, s[i].id, s[i].average);
    printf("%d comparisons\n", calls);
    return 0;
}
