// expect: 7:13: format '%d' expects argument of type 'int *', but argument 2 has type 'int'
// expect: 9:20: format '%d' expects argument of type 'int *', but argument 3 has type 'int'
#include <stdio.h>

int main(void) {
    int age = 0;
    scanf("%d", age);
    printf("%d\n", age);
    sscanf("42", "%d", age);
    return 0;
}
