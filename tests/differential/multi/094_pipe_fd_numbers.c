// pipe takes the lowest free descriptors; dup2 onto a used number closes it first.
#include <stdio.h>
#include <unistd.h>

int main(void) {
    int a[2], b[2];
    pipe(a);
    pipe(b);
    printf("first pipe: %d %d, second pipe: %d %d\n", a[0], a[1], b[0], b[1]);
    close(a[0]);
    int d = dup(b[1]);
    printf("dup takes the lowest free: %d\n", d);
    printf("dup2(%d, %d) returns %d\n", b[0], a[1], dup2(b[0], a[1]));
    return 0;
}
