// _Bool and bool: any nonzero value converts to 1.
#include <stdio.h>
#include <stdbool.h>

static bool is_even(int n)
{
    return n % 2 == 0;
}

int main(void)
{
    _Bool b = 5;
    bool t = true, f = false;
    bool from_ptr = "non-null";
    bool from_double = 0.5;
    bool from_zero_double = 0.0;
    printf("(_Bool)5 = %d, true = %d, false = %d\n", b, t, f);
    printf("from pointer = %d, from 0.5 = %d, from 0.0 = %d\n", from_ptr, from_double, from_zero_double);
    printf("sizeof(bool) = %d\n", (int)sizeof(bool));
    bool flag = 0;
    flag += 1;
    flag += 1;
    printf("flag after two += 1 = %d\n", flag);
    flag = 256;
    printf("(bool)256 = %d\n", flag);
    for (int i = 0; i < 5; i++)
        printf("%d is %s\n", i, is_even(i) ? "even" : "odd");
    printf("!!42 = %d, !0 = %d, 3 && 4 = %d, 0 || -1 = %d\n", !!42, !0, 3 && 4, 0 || -1);
    printf("(1 < 2) + (2 < 3) + (3 < 1) = %d\n", (1 < 2) + (2 < 3) + (3 < 1));
    return 0;
}
