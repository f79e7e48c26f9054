// expect: 7:15: format '%ld' expects argument of type 'long int', but argument 2 has type 'int'
// expect: 8:14: format '%d' expects argument of type 'int', but argument 2 has type 'long unsigned int'
#include <stdio.h>

int main(void) {
    int n = 5;
    printf("%ld\n", n);
    printf("%d\n", sizeof n);
    return 0;
}
