// args: first "second arg" third -n 42 ''
// argc and argv: every argument after the program name (argv[0] is not printed: it depends on
// how the program was started), argv[argc] is NULL, and numeric options.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char *argv[])
{
    printf("argc = %d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("argv[%d] = \"%s\" (length %zu)\n", i, argv[i], strlen(argv[i]));
    printf("argv[argc] is %s\n", argv[argc] == NULL ? "NULL" : "not NULL");
    int n = 0;
    for (int i = 1; i < argc - 1; i++)
        if (strcmp(argv[i], "-n") == 0)
            n = atoi(argv[i + 1]);
    printf("-n gives %d\n", n);
    char **p = argv + 1;
    int total = 0;
    while (*p)
        total += (int)strlen(*p++);
    printf("total characters in arguments: %d\n", total);
    return 0;
}
