// struct layout on x86-64: alignment, padding, and offsetof.
#include <stdio.h>
#include <stddef.h>

struct a { char c; int i; char d; };
struct b { char c; char d; int i; };
struct c { char c; double x; };
struct d { short s; char c; };
struct e { char c; long l; short s; };
struct f { int i; char name[5]; };
struct g { char c; struct b inner; char tail; };
struct h { double x; char c[3]; };
struct empty_ish { char only; };
struct arr { char c; int values[3]; };
struct ptrs { char c; char *p; int i; };

int main(void)
{
    printf("sizeof a = %zu (c@%zu i@%zu d@%zu)\n", sizeof(struct a), offsetof(struct a, c),
           offsetof(struct a, i), offsetof(struct a, d));
    printf("sizeof b = %zu (c@%zu d@%zu i@%zu)\n", sizeof(struct b), offsetof(struct b, c),
           offsetof(struct b, d), offsetof(struct b, i));
    printf("sizeof c = %zu (x@%zu)\n", sizeof(struct c), offsetof(struct c, x));
    printf("sizeof d = %zu\n", sizeof(struct d));
    printf("sizeof e = %zu (l@%zu s@%zu)\n", sizeof(struct e), offsetof(struct e, l), offsetof(struct e, s));
    printf("sizeof f = %zu (name@%zu)\n", sizeof(struct f), offsetof(struct f, name));
    printf("sizeof g = %zu (inner@%zu tail@%zu)\n", sizeof(struct g), offsetof(struct g, inner),
           offsetof(struct g, tail));
    printf("sizeof h = %zu\n", sizeof(struct h));
    printf("sizeof empty_ish = %zu\n", sizeof(struct empty_ish));
    printf("sizeof arr = %zu (values@%zu)\n", sizeof(struct arr), offsetof(struct arr, values));
    printf("sizeof ptrs = %zu (p@%zu i@%zu)\n", sizeof(struct ptrs), offsetof(struct ptrs, p),
           offsetof(struct ptrs, i));
    struct a several[4];
    printf("sizeof several = %zu\n", sizeof several);
    return 0;
}
