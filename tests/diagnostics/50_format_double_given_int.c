// expect: 7:16: format '%f' expects argument of type 'double', but argument 2 has type 'int'
// expect: 8:14: format '%d' expects argument of type 'int', but argument 2 has type 'double'
#include <stdio.h>

int main(void) {
    int half = 1 / 2;
    printf("%.2f\n", half);
    printf("%d\n", half * 0.5);
    return 0;
}
