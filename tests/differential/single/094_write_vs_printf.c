// write(2) goes straight to the terminal, while printf's text waits in the stdout buffer until
// a newline: the unbuffered write overtakes the partial line.
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    printf("printf first, ");
    write(STDOUT_FILENO, "write overtakes\n", 16);
    printf("then the newline\n");
    const char *msg = "write to stderr\n";
    ssize_t n = write(STDERR_FILENO, msg, strlen(msg));
    printf("write returned %zd\n", n);
    printf("buffered");
    fflush(stdout);
    write(1, " and flushed first\n", 19);
    return 0;
}
