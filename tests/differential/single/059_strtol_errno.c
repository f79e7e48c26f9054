// errno after a failed call: strtol overflow sets ERANGE; perror prints "what: message".
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <limits.h>

static void try_parse(const char *text)
{
    errno = 0;
    long v = strtol(text, NULL, 10);
    if (errno == ERANGE) {
        printf("%s: out of range, got %s\n", text, v == LONG_MAX ? "LONG_MAX" : v == LONG_MIN ? "LONG_MIN" : "?");
        fflush(stdout);
        perror("strtol");
    } else {
        printf("%s: %ld (errno %d)\n", text, v, errno);
    }
}

int main(void)
{
    try_parse("123");
    try_parse("9223372036854775807");
    try_parse("9223372036854775808");
    try_parse("-9223372036854775809");
    try_parse("99999999999999999999999");
    errno = ERANGE;
    printf("strerror(errno) = %s\n", strerror(errno));
    errno = 0;
    perror("no error");
    errno = ENOENT;
    perror("open config");
    errno = EINVAL;
    perror("");
    printf("done\n");
    return 0;
}
