// atoi and atol: leading blanks and sign, stop at the first non-digit, 0 when nothing parses.
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    const char *inputs[] = { "42", "   -17", "+8", "12abc", "abc", "", "  +-3", "007", "3.99", "\t\n 99 bottles",
                             "2147483647", "-2147483648" };
    int n = sizeof inputs / sizeof inputs[0];
    for (int i = 0; i < n; i++)
        printf("atoi(\"%s\") = %d\n", inputs[i], atoi(inputs[i]));
    printf("atol(\"9000000000\") = %ld\n", atol("9000000000"));
    printf("atol(\"-9223372036854775807\") = %ld\n", atol("-9223372036854775807"));
    printf("atol(\" 123456789012x\") = %ld\n", atol(" 123456789012x"));
    int total = 0;
    const char *numbers[] = { "10", "20", "30" };
    for (int i = 0; i < 3; i++)
        total += atoi(numbers[i]);
    printf("total %d\n", total);
    return 0;
}
