// _exit does not flush stdio: text waiting in the stdout buffer (no newline yet) is lost.
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    printf("this line is flushed by its newline\n");
    printf("this text is lost");
    _exit(0);
}
