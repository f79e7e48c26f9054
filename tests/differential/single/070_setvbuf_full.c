// With full buffering, stdout text waits in the buffer (even across newlines) until fflush or
// exit; stderr is unbuffered, so it reaches the terminal first.
#include <stdio.h>

static char buffer[512];

int main(void)
{
    setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
    printf("line 1 (buffered)\n");
    printf("line 2 (buffered)\n");
    fprintf(stderr, "stderr A: appears before lines 1 and 2\n");
    fflush(stdout);
    fprintf(stderr, "stderr B: after the fflush\n");
    printf("line 3 (buffered until exit)\n");
    fprintf(stderr, "stderr C: before line 3\n");
    return 0;
}
