// expect: 6:21: format '%s' expects argument of type 'char *', but argument 2 has type 'int'
#include <stdio.h>

int main(void) {
    int count = 3;
    printf("count: %s\n", count);
    return 0;
}
