#include <stdio.h>
#include <unistd.h>

int main(void) {
    printf("a\n");
    fork();
    printf("b\n");
    fork();
    printf("c\n");
    return 0;
}
