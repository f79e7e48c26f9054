// With no terminal input, getchar returns EOF at once and fgets returns NULL.
#include <stdio.h>

int main(void)
{
    char buf[8];
    printf("getchar: %d\n", getchar());
    printf("fgets: %s\n", fgets(buf, sizeof buf, stdin) == NULL ? "NULL" : "a line");
    return 0;
}
