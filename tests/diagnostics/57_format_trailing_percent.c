// expect: 5:25: spurious trailing '%' in format
#include <stdio.h>

int main(void) {
    printf("progress: 50%");
    return 0;
}
