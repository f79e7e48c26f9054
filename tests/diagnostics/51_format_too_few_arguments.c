// expect: 6:21: format '%d' expects a matching 'int' argument
#include <stdio.h>

int main(void) {
    int x = 1;
    printf("%d and %d\n", x);
    return 0;
}
