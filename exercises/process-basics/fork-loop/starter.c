#include <stdio.h>
#include <unistd.h>

int main(void) {
    for (int i = 0; i < 3; i++)
        fork();
    printf("hello from %d\n", getpid());
    return 0;
}
