/* popen in both directions: numbers written into "sort -n", and lines read back from
   "seq 5 | tail -n 2". */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

int main(void) {
    FILE *sorter = popen("sort -n", "w");
    int values[] = { 42, 7, 19, 3, 100, 7 };
    for (int i = 0; i < 6; i++) fprintf(sorter, "%d\n", values[i]);
    int status = pclose(sorter);
    printf("sort exited %d\n", WEXITSTATUS(status));

    char line[64];
    FILE *tail = popen("seq 5 | tail -n 2", "r");
    while (fgets(line, sizeof line, tail)) printf("read: %s", line);
    printf("pipeline exited %d\n", WEXITSTATUS(pclose(tail)));
    return 0;
}
