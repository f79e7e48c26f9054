// stdin: first line\nsecond\n\nlast
// read(0, ...) on a terminal in canonical mode returns at most one line per call, newline
// included; an empty line is just "\n"; a final line without newline comes as it is, then 0.
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    char buf[64];
    ssize_t n;
    int calls = 0;
    while ((n = read(STDIN_FILENO, buf, sizeof buf)) > 0) {
        calls++;
        printf("read %zd:", n);
        for (ssize_t i = 0; i < n; i++) {
            if (buf[i] == '\n')
                printf(" \\n");
            else
                printf(" %c", buf[i]);
        }
        printf("\n");
    }
    printf("read returned %zd after %d calls\n", n, calls);
    return 0;
}
