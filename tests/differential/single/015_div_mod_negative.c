// Integer division truncates toward zero; the remainder takes the sign of the dividend.
#include <stdio.h>

int main(void)
{
    int pairs[][2] = { { 7, 2 }, { -7, 2 }, { 7, -2 }, { -7, -2 }, { 1, 3 }, { -1, 3 }, { 0, -5 }, { 100, 7 } };
    int n = sizeof pairs / sizeof pairs[0];

    for (int i = 0; i < n; i++) {
        int a = pairs[i][0], b = pairs[i][1];
        printf("%3d / %2d = %3d   %3d %% %2d = %3d   check %d\n", a, b, a / b, a, b, a % b, (a / b) * b + a % b);
    }
    long la = -9000000000L, lb = 7;
    printf("%ld / %ld = %ld, %% = %ld\n", la, lb, la / lb, la % lb);
    unsigned int ua = 7;
    int sb = -2;
    printf("7u / -2 = %u (the -2 becomes unsigned)\n", ua / sb);
    printf("-7 / 2u = %u\n", -7 / 2u);
    printf("-7 / 2.0 = %f\n", -7 / 2.0);
    int mod = -13 % 5;
    int positive = ((-13 % 5) + 5) % 5;
    printf("-13 %% 5 = %d, positive remainder = %d\n", mod, positive);
    return 0;
}
