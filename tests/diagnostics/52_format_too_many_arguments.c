// expect: 6:12: too many arguments for format
#include <stdio.h>

int main(void) {
    int x = 1, y = 2;
    printf("x = %d\n", x, y);
    return 0;
}
