/* open() returns the lowest free descriptor: closing 0 and opening a file makes it stdin. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void) {
    int a = open("a.txt", O_WRONLY | O_CREAT, 0644);
    int b = open("b.txt", O_WRONLY | O_CREAT, 0644);
    int c = open("c.txt", O_WRONLY | O_CREAT, 0644);
    printf("a=%d b=%d c=%d\n", a, b, c);
    close(b);
    int d = open("d.txt", O_WRONLY | O_CREAT, 0644);
    printf("after closing b, d=%d\n", d);
    int e = dup(a);
    printf("dup(a)=%d\n", e);
    printf("dup2(a, 10)=%d\n", dup2(a, 10));
    printf("fcntl(a, F_DUPFD, 7)=%d\n", fcntl(a, F_DUPFD, 7));
    close(0);
    int f = open("c.txt", O_RDONLY);
    printf("with 0 closed, open gives %d\n", f);
    return 0;
}
