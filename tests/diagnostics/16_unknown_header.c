// expect: 2:10: conio.h: No such file or directory
#include <conio.h>
int main(void) {
    return 0;
}
