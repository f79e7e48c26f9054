// setbuf(stdout, NULL) makes stdout unbuffered: every character goes out at once.
#include <stdio.h>

int main(void)
{
    setbuf(stdout, NULL);
    for (int i = 0; i < 3; i++) {
        printf("out%d ", i);
        fprintf(stderr, "err%d ", i);
    }
    printf("\n");
    fprintf(stderr, "\n");
    return 0;
}
