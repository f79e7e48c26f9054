// Structs are values: assignment copies, arguments are copies, functions return copies.
#include <stdio.h>

struct vec { double x, y; };
struct big { int data[8]; char tag; };

static struct vec add(struct vec a, struct vec b)
{
    struct vec r = { a.x + b.x, a.y + b.y };
    return r;
}

static struct vec scale(struct vec v, double k)
{
    v.x *= k;           /* changes the copy only */
    v.y *= k;
    return v;
}

static struct big fill(char tag)
{
    struct big b;
    for (int i = 0; i < 8; i++)
        b.data[i] = i * 10 + tag;
    b.tag = tag;
    return b;
}

static void try_to_change(struct big b)
{
    b.data[0] = -1;
    b.tag = '?';
}

int main(void)
{
    struct vec a = { 1.5, 2.0 }, b = { -0.5, 4.0 };
    struct vec c = add(a, b);
    struct vec d = scale(c, 3.0);
    printf("a=(%g,%g) c=(%g,%g) d=(%g,%g)\n", a.x, a.y, c.x, c.y, d.x, d.y);

    struct big one = fill('A');
    struct big two = one;
    two.data[3] = 0;
    two.tag = 'B';
    try_to_change(one);
    printf("one: tag %c data[0] %d data[3] %d\n", one.tag, one.data[0], one.data[3]);
    printf("two: tag %c data[0] %d data[3] %d\n", two.tag, two.data[0], two.data[3]);

    struct vec chain = add(add(a, b), scale(a, -1));
    printf("chain = (%g,%g)\n", chain.x, chain.y);
    printf("member of returned struct: %g\n", add(a, a).y);
    struct vec arr[2] = { a, b };
    arr[0] = arr[1];
    arr[1].x = 100;
    printf("arr[0]=(%g,%g) arr[1]=(%g,%g)\n", arr[0].x, arr[0].y, arr[1].x, arr[1].y);
    return 0;
}
