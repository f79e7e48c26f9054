/* fprintf(f, "%s", s) is compiled as fputs(s, f) by gcc at -O0: with a NULL s, fprintf would
   print "(null)", fputs crashes (SIGSEGV). With a newline in the format it stays fprintf. */
#include <stdio.h>

int main(void) {
    char *missing = NULL;
    fprintf(stdout, "%s\n", missing);
    fflush(stdout);
    fprintf(stdout, "%s", missing);
    printf("not reached\n");
    return 0;
}
