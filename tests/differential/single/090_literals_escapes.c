// Literals: integer bases and suffixes, character constants and escapes, floating forms,
// adjacent string literals, and strings with embedded escapes.
#include <stdio.h>
#include <string.h>

int main(void)
{
    printf("%d %d %d %d\n", 255, 0xff, 0377, 0XFF);
    printf("%u %ld %lu %lld %llu\n", 10u, 10L, 10UL, 10LL, 10ULL);
    printf("sizes: %zu %zu %zu %zu %zu\n", sizeof 1, sizeof 1u, sizeof 1L, sizeof 1LL, sizeof 2147483648);
    printf("'A' %d, '\\n' %d, '\\0' %d, '\\t' %d, '\\\\' %d, '\\'' %d, '\"' %d\n", 'A', '\n', '\0', '\t', '\\',
           '\'', '"');
    printf("'\\x41' %c, '\\101' %c, '\\7' %d, '\\x7f' %d, '\\377' %d\n", '\x41', '\101', '\7', '\x7f', '\377');
    printf("%g %g %g %g %g %g\n", 1e3, .5, 5., 1.5e-3, 2E2, 0.0);
    printf("%f %f\n", 1.5f, 3e-1f);
    const char *s = "tab[\t] quote[\"] backslash[\\] hex[\x41\x42] octal[\103\104]";
    printf("%s\n", s);
    printf("length of \"a\\0b\" as an array: %zu, strlen %zu\n", sizeof "a\0b", strlen("a\0b"));
    const char *joined = "one "
                         "two "
                         "three";
    printf("%s (%zu)\n", joined, strlen(joined));
    char bytes[] = "\x01\x02\x7f";
    printf("bytes: %d %d %d %d\n", bytes[0], bytes[1], bytes[2], bytes[3]);
    printf("percent sign: %c\n", '%');
    printf("%d\n", 1000000 + 0x10 + 010);
    return 0;
}
