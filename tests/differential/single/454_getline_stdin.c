// stdin: first line\nsecond, a bit longer line\n\nlast without newline
// getline on standard input (a terminal): one line at a time, the empty line too, and the last
// line without its newline; then -1 at end of file.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    char *line = NULL;
    size_t n = 0;
    ssize_t r;
    int count = 0;
    while ((r = getline(&line, &n, stdin)) > 0) printf("%d: %zd bytes, n %zu: %s%s", ++count, r, n, line, line[r - 1] == '\n' ? "" : "|\n");
    printf("end: %zd\n", r);
    free(line);
    return 0;
}
