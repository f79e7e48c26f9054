/* fopen's modes: "w" truncates, "a" appends, "r+" reads and writes from the start, a missing
   file with "r" gives NULL and errno. */
#include <stdio.h>
#include <string.h>
#include <errno.h>

static void show(const char *path) {
    FILE *f = fopen(path, "r");
    char line[64];
    printf("[%s]\n", path);
    while (fgets(line, sizeof line, f)) printf("  %s", line);
    fclose(f);
}

int main(void) {
    FILE *f = fopen("notes.txt", "w");
    fprintf(f, "first %d\n", 1);
    fputs("second\n", f);
    fclose(f);
    show("notes.txt");
    f = fopen("notes.txt", "a");
    fprintf(f, "third\n");
    fclose(f);
    show("notes.txt");
    f = fopen("notes.txt", "r+");
    fputs("FIRST", f);
    fclose(f);
    show("notes.txt");
    f = fopen("notes.txt", "w");
    fclose(f);
    show("notes.txt");
    f = fopen("nope.txt", "r");
    printf("fopen of a missing file: %s, %s\n", f ? "a stream" : "NULL", strerror(errno));
    f = fopen("notes.txt", "q");
    printf("fopen with mode \"q\": %s, %s\n", f ? "a stream" : "NULL", strerror(errno));
    return 0;
}
