// expect: 4:15: add '#include <unistd.h>'
#include <stdio.h>
int main(void) {
    int pid = fork();
    printf("%d\n", pid);
    return 0;
}
