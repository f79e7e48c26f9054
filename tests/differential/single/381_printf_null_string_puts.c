/* printf("%s\n", s) is compiled as puts(s) by gcc, even at -O0, when printf's value is not used:
   glibc's printf prints "(null)" for a NULL string, but puts(NULL) reads address 0 and the
   program dies of SIGSEGV. Any other format (or using printf's value) keeps printf. */
#include <stdio.h>

int main(void) {
    const char *name = NULL;
    printf("%s and more\n", name);
    int n = printf("%s\n", name);
    printf("printf returned %d\n", n);
    printf("%s\n", name);
    printf("not reached\n");
    return 0;
}
