// expect: 6:14: format '%d' expects argument of type 'int', but argument 2 has type 'char *'
#include <stdio.h>

int main(void) {
    char *name = "lab";
    printf("%d\n", name);
    return 0;
}
