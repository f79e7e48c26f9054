// file: b.txt=b
// file: a.txt=a
// file: c.dat=c
/* opendir and readdir list a directory (in no particular order): sorted, with d_type. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char **)a, *(char **)b); }

int main(void) {
    mkdir("sub", 0755);
    DIR *d = opendir(".");
    char *names[32];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char buf[300];
        sprintf(buf, "%s %s", e->d_name, e->d_type == DT_DIR ? "dir" : e->d_type == DT_REG ? "file" : "other");
        names[n++] = strdup(buf);
    }
    closedir(d);
    qsort(names, n, sizeof names[0], cmp);
    for (int i = 0; i < n; i++) if (names[i][0] != '3') printf("%s\n", names[i]);
    printf("opendir of a file: %s\n", opendir("a.txt") ? "ok" : "NULL");
    printf("opendir of nothing: %s\n", opendir("nothing") ? "ok" : "NULL");
    return 0;
}
