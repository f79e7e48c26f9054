// expect: 8:13: format '%f' expects argument of type 'float *', but argument 2 has type 'double *'
// expect: 9:13: format '%d' expects argument of type 'int *', but argument 2 has type 'long int *'
#include <stdio.h>

int main(void) {
    double price;
    long count;
    scanf("%f", &price);
    scanf("%d", &count);
    printf("%f %ld\n", price, count);
    return 0;
}
