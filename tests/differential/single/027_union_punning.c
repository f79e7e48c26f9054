// Unions share storage: the bytes of an int on a little-endian machine, a float's bits, sizeof.
#include <stdio.h>

union word {
    unsigned int i;
    unsigned char b[4];
};

union number {
    float f;
    unsigned int bits;
};

union mixed {
    char c[9];
    int i;
};

union with_double {
    char c[5];
    double d;
};

struct tagged {
    enum { INT, TEXT } kind;
    union { int n; const char *s; } as;
};

static void show(struct tagged t)
{
    if (t.kind == INT)
        printf("int %d\n", t.as.n);
    else
        printf("text %s\n", t.as.s);
}

int main(void)
{
    union word w;
    w.i = 0x01020304;
    printf("bytes of 0x01020304: %d %d %d %d\n", w.b[0], w.b[1], w.b[2], w.b[3]);
    w.b[0] = 0xFF;
    printf("after b[0] = 0xFF: 0x%08x\n", w.i);

    union number n;
    n.f = 1.0f;
    printf("bits of 1.0f: 0x%08x\n", n.bits);
    n.f = -0.1f;
    printf("bits of -0.1f: 0x%08x\n", n.bits);
    n.bits = 0x40490fdb;
    printf("float from 0x40490fdb: %.6f\n", n.f);

    printf("sizeof word %zu, number %zu, mixed %zu, with_double %zu, tagged %zu\n", sizeof(union word),
           sizeof(union number), sizeof(union mixed), sizeof(union with_double), sizeof(struct tagged));

    struct tagged a = { INT, { .n = 42 } };
    struct tagged b = { .kind = TEXT, .as.s = "hello" };
    show(a);
    show(b);

    unsigned short probe = 1;
    printf("little-endian: %s\n", *(unsigned char *)&probe == 1 ? "yes" : "no");
    return 0;
}
