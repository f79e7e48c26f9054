// strlen, strcpy, strncpy (pads with zeros, may leave no terminator), strcat, strncat.
#include <stdio.h>
#include <string.h>

static void dump(const char *label, const char *buf, int n)
{
    printf("%s:", label);
    for (int i = 0; i < n; i++) {
        if (buf[i] == '\0')
            printf(" \\0");
        else
            printf(" %c", buf[i]);
    }
    printf("\n");
}

int main(void)
{
    printf("strlen: %zu %zu %zu\n", strlen(""), strlen("fork"), strlen("with\0hidden"));
    char buf[16];
    char *ret = strcpy(buf, "hello");
    printf("strcpy -> \"%s\", returns its destination: %d\n", buf, ret == buf);

    char pad[8];
    memset(pad, 'X', sizeof pad);
    strncpy(pad, "ab", 6);
    dump("strncpy short source", pad, 8);
    memset(pad, 'X', sizeof pad);
    const char *long_source = "abcdefghij";
    strncpy(pad, long_source, 4);
    dump("strncpy long source", pad, 8);

    char line[32] = "fork";
    strcat(line, " and ");
    ret = strcat(line, "exec");
    printf("strcat -> \"%s\" (%zu), returns destination: %d\n", line, strlen(line), ret == line);
    strncat(line, "!!!???", 3);
    printf("strncat 3 -> \"%s\"\n", line);
    char small[10] = "abc";
    strncat(small, "defghijklmnop", sizeof small - strlen(small) - 1);
    printf("bounded strncat -> \"%s\" (%zu)\n", small, strlen(small));

    char words[4][8];
    const char *src[] = { "one", "two", "three", "four" };
    for (int i = 0; i < 4; i++)
        strcpy(words[i], src[i]);
    char joined[40] = "";
    for (int i = 0; i < 4; i++) {
        if (i > 0)
            strcat(joined, ",");
        strcat(joined, words[i]);
    }
    printf("joined: %s\n", joined);
    char overlap[16] = "abcdef";
    strcpy(overlap + 2, "XY");
    printf("overlap: %s then %s\n", overlap, overlap + 5);
    return 0;
}
