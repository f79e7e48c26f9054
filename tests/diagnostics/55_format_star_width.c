// expect: 7:14: field width specifier '*' expects argument of type 'int', but argument 2 has type 'long int'
// expect: 8:16: field precision specifier '.*' expects argument of type 'int', but argument 2 has type 'double'
#include <stdio.h>

int main(void) {
    long width = 8;
    printf("%*d\n", width, 1);
    printf("%5.*f\n", 2.5, 2.5);
    return 0;
}
