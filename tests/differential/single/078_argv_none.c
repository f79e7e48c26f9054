// Without arguments argc is 1; main may also be declared with char **argv.
#include <stdio.h>

int main(int argc, char **argv)
{
    printf("argc = %d, argv[1] is %s\n", argc, argv[1] == NULL ? "NULL" : "set");
    return argc;
}
