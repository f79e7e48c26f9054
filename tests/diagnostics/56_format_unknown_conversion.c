// expect: 7:21: unknown conversion type character 'y' in format
// expect: 7:12: too many arguments for format
// expect: 8:17: unknown conversion type character '\x0a' in format
#include <stdio.h>

int main(void) {
    printf("value: %y\n", 7);
    printf("100%\n");
    return 0;
}
