// fflush(stdout) pushes a partial line out before stderr; setvbuf(_IONBF) makes stdout unbuffered.
#include <stdio.h>

int main(void)
{
    printf("flushed partial line, ");
    fflush(stdout);
    fprintf(stderr, "then stderr\n");
    printf("unflushed partial line, ");
    fprintf(stderr, "stderr first\n");
    printf("done\n");

    setvbuf(stdout, NULL, _IONBF, 0);
    printf("now unbuffered: ");
    fprintf(stderr, "[stderr]");
    printf(" in order\n");
    putchar('x');
    fputs("[stderr again]", stderr);
    putchar('\n');
    return 0;
}
