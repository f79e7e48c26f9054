// strcasecmp and strncasecmp compare ignoring case and return glibc's byte difference of the
// first lower-cased bytes that differ; strsep splits a string in place, empty fields included.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int main(void) {
    char a[] = "Hello", b[] = "hELLO", c[] = "hellp", d[] = "[", e[] = "a", f[] = "Zeta", g[] = "alpha";
    printf("%d %d %d %d\n", strcasecmp(a, b), strcasecmp(a, c), strcasecmp(d, e), strcasecmp(f, g));
    printf("%d %d %d\n", strncasecmp(a, c, 4), strncasecmp(a, c, 5), strncasecmp(a, "HE", 2));
    printf("%d %d\n", strcasecmp("abc", "ABCD"), strcasecmp("", ""));

    char line[] = "name,,age:42,,city";
    char *rest = line, *field;
    int n = 0;
    while ((field = strsep(&rest, ",:")) != NULL) printf("field %d: '%s' (rest %s)\n", n++, field, rest ? "left" : "NULL");
    char *none = NULL;
    printf("strsep of NULL: %s\n", strsep(&none, ",") == NULL ? "NULL" : "?");
    char *copy = strdup("a b  c"), *p = copy;
    while ((field = strsep(&p, " ")) != NULL) printf("[%s]", field);
    printf("\n");
    free(copy);
    return 0;
}
