// expect: 3:5: add '#include <stdio.h>'
int main(void) {
    printf("hello\n");
    return 0;
}
