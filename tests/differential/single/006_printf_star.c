// printf with * for width and precision, including a negative * width (means left-justify).
#include <stdio.h>

int main(void)
{
    for (int w = 0; w <= 6; w += 3)
        printf("[%*d] [%-*d|] [%*s]\n", w, 42, w, 42, w, "ab");
    printf("[%*d|]\n", -6, 42);
    printf("[%.*f] [%.*f] [%.*f]\n", 0, 3.14159, 2, 3.14159, 5, 3.14159);
    printf("[%*.*f]\n", 10, 3, 2.71828);
    printf("[%.*s]\n", 3, "abcdef");
    printf("[%.*s]\n", -1, "negative precision means none");
    printf("[%*.*d]\n", 8, 4, -17);
    printf("[%0*d]\n", 7, -17);
    printf("[%*c]\n", 4, '!');
    return 0;
}
