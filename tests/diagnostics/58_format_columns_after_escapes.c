// expect: 8:27: format '%s' expects argument of type 'char *', but argument 3 has type 'int'
// expect: 11:14: format '%c' expects argument of type 'int', but argument 3 has type 'char *'
#include <stdio.h>

int main(void) {
    int n = 2;
    char *s = "x";
    fprintf(stderr, "\t\"%s\"\n", n);
    // gcc points at the format's first quote (10:12) for a conversion in a later piece of it
    printf("%d "
           "%c\n", n, s);
    return 0;
}
