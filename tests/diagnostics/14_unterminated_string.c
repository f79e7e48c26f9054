// expect: 4:12: missing terminating " character
#include <stdio.h>
int main(void) {
    printf("hello);
    return 0;
}
