/* glibc's getcwd(NULL, 0) mallocs a buffer as big as the path; getcwd(NULL, size) one of size
   bytes, or fails with ERANGE when the path does not fit. The lab's working directory is not
   this machine's, so the program prints what does not depend on it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>

int main(void) {
    char here[4096];
    if (getcwd(here, sizeof here) == NULL) { perror("getcwd"); return 1; }
    char *a = getcwd(NULL, 0);
    printf("allocated: %s\n", a != NULL && strcmp(a, here) == 0 ? "same path" : "different");
    free(a);
    char *b = getcwd(NULL, 4096);
    printf("sized: %s\n", b != NULL && strcmp(b, here) == 0 ? "same path" : "different");
    free(b);
    errno = 0;
    char *c = getcwd(NULL, 1);
    printf("too small: %s, %s\n", c == NULL ? "NULL" : "a buffer", errno == ERANGE ? "ERANGE" : strerror(errno));
    char small[1];
    errno = 0;
    char *d = getcwd(small, sizeof small);
    int saved = errno;
    printf("caller's too small: %s, %s\n", d == NULL ? "NULL" : "a buffer", saved == ERANGE ? "ERANGE" : strerror(saved));
    return 0;
}
