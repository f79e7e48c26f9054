// memset, memcpy, memmove (overlapping copies) and strdup.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void show(const char *label, const char *buf, int n)
{
    printf("%-22s [", label);
    for (int i = 0; i < n; i++)
        putchar(buf[i] ? buf[i] : '.');
    printf("]\n");
}

int main(void)
{
    char buf[16];
    memset(buf, '-', sizeof buf);
    show("memset '-'", buf, 16);
    memset(buf + 4, 0, 4);
    show("memset 0 in the middle", buf, 16);

    int numbers[5];
    memset(numbers, 0xFF, sizeof numbers);
    printf("ints after memset 0xFF: %d %d\n", numbers[0], numbers[4]);
    memset(numbers, 1, sizeof numbers);
    printf("ints after memset 1: %d (0x%x)\n", numbers[0], numbers[0]);

    int src[5] = { 1, 2, 3, 4, 5 };
    int dst[5] = { 0 };
    void *r = memcpy(dst, src, 3 * sizeof(int));
    printf("memcpy 3 ints: %d %d %d %d %d, returns destination: %d\n", dst[0], dst[1], dst[2], dst[3], dst[4],
           r == dst);

    char text[16] = "0123456789";
    memmove(text + 2, text, 6);
    show("memmove right", text, 11);
    strcpy(text, "0123456789");
    memmove(text, text + 3, 7);
    show("memmove left", text, 11);

    char *copy = strdup("duplicated string");
    copy[0] = 'D';
    printf("strdup: %s (%zu)\n", copy, strlen(copy));
    free(copy);
    char *empty = strdup("");
    printf("strdup of empty has length %zu\n", strlen(empty));
    free(empty);

    struct pair { int a; double b; } p1 = { 7, 2.5 }, p2;
    memcpy(&p2, &p1, sizeof p1);
    printf("copied struct: %d %.1f\n", p2.a, p2.b);
    return 0;
}
