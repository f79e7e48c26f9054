// On a terminal stdout is line-buffered and stderr unbuffered: a partial stdout line waits
// while stderr text appears at once.
#include <stdio.h>

int main(void)
{
    printf("out 1\n");
    fprintf(stderr, "err 1\n");
    printf("out 2 (no newline yet) ");
    fprintf(stderr, "err 2 jumps ahead\n");
    printf("-- end of out 2\n");
    fprintf(stderr, "err %d of %s\n", 3, "three");
    printf("partial ");
    fputs("err via fputs\n", stderr);
    printf("line\n");
    fprintf(stdout, "fprintf to stdout\n");
    fprintf(stderr, "no newline on stderr, ");
    printf("then stdout\n");
    return 0;
}
