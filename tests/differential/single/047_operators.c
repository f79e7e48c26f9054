// Operators: precedence, bitwise, logical short-circuit, compound assignment, ++ and --.
#include <stdio.h>

static int touched;

static int side(int v)
{
    touched++;
    return v;
}

int main(void)
{
    int a = 6, b = 3, c = 4;
    printf("a + b * c = %d, (a + b) * c = %d\n", a + b * c, (a + b) * c);
    printf("a & (b == 2): %d, (a & b) == 2: %d\n", a & (b == 2), (a & b) == 2);
    printf("a - b - c = %d, a / b / 2 = %d, a %% b * c = %d\n", a - b - c, a / b / 2, a % b * c);
    printf("~a & 0xF = %d, a << 1 | 1 = %d, a & b && c = %d, !a + 1 = %d\n", ~a & 0xF, a << 1 | 1,
           a & b && c, !a + 1);
    printf("a | b %d, a ^ b %d, ~a %d, a << 2 %d, -a >> 1 %d\n", a | b, a ^ b, ~a, a << 2, -a >> 1);
    printf("!a %d, !!a %d, -(-a) %d, +a %d\n", !a, !!a, -(-a), +a);
    printf("(a > b) > c: %d, (a < b) == (b < c): %d\n", (a > b) > c, (a < b) == (b < c));

    touched = 0;
    int r = side(0) && side(1);
    printf("0 && ... = %d, calls %d\n", r, touched);
    touched = 0;
    r = side(2) || side(0);
    printf("2 || ... = %d, calls %d\n", r, touched);
    touched = 0;
    r = (side(1) && side(0)) || side(3);
    printf("1 && 0 || 3 = %d, calls %d\n", r, touched);

    int x = 10;
    x += 5;
    x -= 3;
    x *= 2;
    x /= 5;
    x %= 3;
    printf("x after += -= *= /= %%= : %d\n", x);
    x = 0xF0;
    x &= 0x3C;
    x |= 0x01;
    x ^= 0xFF;
    x <<= 2;
    x >>= 1;
    printf("x after &= |= ^= <<= >>= : %d\n", x);

    int i = 5;
    int post = i++;
    int pre = ++i;
    printf("post %d pre %d i %d\n", post, pre, i);
    int j = i--;
    int k = --i;
    printf("j %d k %d i %d\n", j, k, i);
    int m = 1;
    int chain;
    chain = m = 7;
    printf("chain %d m %d\n", chain, m);
    printf("7 / 2 * 2 = %d, 7 * 2 / 2 = %d, 7 %% 3 * 2 = %d\n", 7 / 2 * 2, 7 * 2 / 2, 7 % 3 * 2);
    printf("1 << (2 + 1) = %d, (1 << 2) + 1 = %d\n", 1 << (2 + 1), (1 << 2) + 1);
    printf("(5 & 3) | (8 ^ 2) = %d\n", (5 & 3) | (8 ^ 2));
    return 0;
}
