// expect: 4:14: expected ';' before 'printf'
#include <stdio.h>
int main(void) {
    int x = 5
    printf("%d\n", x);
    return 0;
}
