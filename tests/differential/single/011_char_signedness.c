// char is signed on x86-64: what happens at 127, 128 and 255, and with unsigned char.
#include <stdio.h>

int main(void)
{
    char c = 127;
    c = c + 1;                          /* converts 128 to char: -128 */
    printf("127 + 1 as char: %d\n", c);

    char d = (char)200;
    signed char s = (signed char)200;
    unsigned char u = 200;
    printf("(char)200 = %d, (signed char)200 = %d, (unsigned char)200 = %d\n", d, s, u);

    char bytes[] = "\xff\x80\x7f";
    for (int i = 0; i < 3; i++)
        printf("byte %d: as char %d, as unsigned char %d, as int %d\n",
               i, bytes[i], (unsigned char)bytes[i], (int)bytes[i]);

    unsigned char counter = 250;
    for (int i = 0; i < 10; i++)
        counter++;
    printf("unsigned char 250 + 10 = %d\n", counter);

    char minus = -1;
    printf("-1 as char compared with 255: %s\n", minus == 255 ? "equal" : "different");
    printf("(unsigned char)-1 == 255: %s\n", (unsigned char)minus == 255 ? "yes" : "no");
    printf("'a' + 1 = %d = %c\n", 'a' + 1, 'a' + 1);
    printf("'0' + 7 = %c, '7' - '0' = %d\n", '0' + 7, '7' - '0');
    return 0;
}
