/* 2>&1 and n>&m put one descriptor on another; order matters: "> f 2>&1" sends both to f,
   "2>&1 > f" sends only stdout there. */
#include <stdio.h>
#include <stdlib.h>

static void show(const char *name) {
    FILE *f = fopen(name, "r");
    char line[128];
    printf("-- %s:\n", name);
    while (f && fgets(line, sizeof line, f)) fputs(line, stdout);
    if (f) fclose(f);
}

int main(void) {
    system("ls missing > both.txt 2>&1");
    show("both.txt");
    system("ls missing 2>&1 > out.txt");
    show("out.txt");
    system("echo to stderr 1>&2 2>/dev/null");
    system("(echo in a subshell; ls missing) > sub.txt 2>&1; wc -l sub.txt");
    return 0;
}
