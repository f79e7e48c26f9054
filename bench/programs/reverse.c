#include <stdio.h>
#include <string.h>

static char text[100001];

void reverse(char *s) {
    int n = strlen(s);
    for (int i = 0, j = n - 1; i < j; i++, j--) {
        char t = s[i];
        s[i] = s[j];
        s[j] = t;
    }
}

int main(void) {
    for (int i = 0; i < 100000; i++) text[i] = 'a' + i % 26;
    long checksum = 0;
    for (int round = 0; round < 200; round++) {
        reverse(text);
        checksum += text[round];
    }
    printf("%ld\n", checksum);
    return 0;
}
