// exec without fork: the program itself becomes echo; nothing after a successful exec runs,
// and the exit status is echo's.
#include <stdio.h>
#include <unistd.h>

int main(void) {
    printf("before exec\n");
    execl("/bin/echo", "echo", "now I am echo", (char *)NULL);
    printf("not reached\n");
    return 1;
}
