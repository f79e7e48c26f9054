// Nested structs, arrays of structs, and initialisers for them.
#include <stdio.h>
#include <string.h>

struct point { int x, y; };
struct rect { struct point top_left, bottom_right; };
struct student {
    char name[16];
    int grades[3];
    struct { int day, month, year; } born;
};

static int area(struct rect r)
{
    return (r.bottom_right.x - r.top_left.x) * (r.bottom_right.y - r.top_left.y);
}

int main(void)
{
    struct rect r = { { 1, 2 }, { 11, 7 } };
    printf("rect (%d,%d)-(%d,%d) area %d\n", r.top_left.x, r.top_left.y, r.bottom_right.x,
           r.bottom_right.y, area(r));

    struct student class[] = {
        { "Ada", { 90, 85, 100 }, { 10, 12, 1815 } },
        { "Linus", { 70, 95, 88 }, { 28, 12, 1969 } },
        { .name = "Grace", .born = { .year = 1906, .month = 12, .day = 9 } },
    };
    int n = sizeof class / sizeof class[0];
    for (int i = 0; i < n; i++) {
        int sum = 0;
        for (int g = 0; g < 3; g++)
            sum += class[i].grades[g];
        printf("%-6s born %02d/%02d/%d total %d\n", class[i].name, class[i].born.day,
               class[i].born.month, class[i].born.year, sum);
    }
    strcpy(class[2].name, "Hopper");
    class[2].grades[1] = 99;
    printf("%s %d %d %d\n", class[2].name, class[2].grades[0], class[2].grades[1], class[2].grades[2]);

    struct point path[5];
    for (int i = 0; i < 5; i++) {
        path[i].x = i * i;
        path[i].y = -i;
    }
    for (int i = 0; i < 5; i++)
        printf("(%d,%d)%s", path[i].x, path[i].y, i < 4 ? " -> " : "\n");
    return 0;
}
