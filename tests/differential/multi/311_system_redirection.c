// file: words.txt=pear\napple\nfig\n
/* The shell's redirections: > creates, >> appends, < reads, 2>&1 joins stderr to stdout. */
#include <stdio.h>
#include <stdlib.h>

static void show(const char *name) {
    FILE *f = fopen(name, "r");
    char line[128];
    printf("-- %s\n", name);
    if (!f) { printf("(missing)\n"); return; }
    while (fgets(line, sizeof line, f)) fputs(line, stdout);
    fclose(f);
}

int main(void) {
    system("echo one > out.txt");
    system("echo two >> out.txt");
    show("out.txt");
    system("wc -l < words.txt > count.txt");
    show("count.txt");
    system("cat missing.txt 2>&1 | wc -l");
    system("cat missing.txt 2> err.txt; echo cat said $?");
    show("err.txt");
    system("ls > listing.txt");
    show("listing.txt");
    return 0;
}
