// stdin: alice 90\nbob 75\na line that is much longer than the buffer we read it into\ncarol 88
// fgets reads a line at a time (keeping the newline), splits long lines, and returns NULL at
// EOF; the last line has no newline. The prompt without a newline shows before input is read.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    char line[16];
    int n = 0;
    printf("enter records: ");
    while (fgets(line, sizeof line, stdin) != NULL) {
        size_t len = strlen(line);
        int complete = len > 0 && line[len - 1] == '\n';
        if (complete)
            line[len - 1] = '\0';
        printf("%d: [%s]%s\n", ++n, line, complete ? "" : " (no newline)");
    }
    printf("fgets returned NULL after %d pieces\n", n);
    return 0;
}
