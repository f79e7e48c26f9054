// Pointer arithmetic scales by the element size; pointers compare and subtract within an array.
#include <stdio.h>

int main(void)
{
    int a[] = { 10, 20, 30, 40, 50 };
    int *p = a;
    int *end = a + 5;
    printf("*p %d, *(p + 2) %d, p[4] %d, 3[a] %d\n", *p, *(p + 2), p[4], 3[a]);

    int sum = 0;
    for (int *q = a; q < end; q++)
        sum += *q;
    printf("sum %d\n", sum);
    printf("end - a = %ld, &a[3] - &a[1] = %ld\n", (long)(end - a), (long)(&a[3] - &a[1]));

    int *mid = &a[2];
    printf("mid > p: %d, mid == a + 2: %d, mid[-1] = %d\n", mid > p, mid == a + 2, mid[-1]);
    int got = *mid++;
    printf("*mid++ = %d, now *mid = %d\n", got, *mid);
    got = *++mid;
    printf("*++mid = %d\n", got);
    got = (*mid)++;
    printf("(*mid)++ = %d, a[4] now %d\n", got, a[4]);

    double d[4] = { 0.5, 1.5, 2.5, 3.5 };
    double *dp = d + 3;
    printf("dp - d = %ld, bytes apart = %ld\n", (long)(dp - d), (long)((char *)dp - (char *)d));

    char s[] = "pointer";
    char *c = s;
    while (*c)
        c++;
    printf("length by pointers: %ld\n", (long)(c - s));
    for (char *r = c - 1; r >= s + 3; r--)
        putchar(*r);
    putchar('\n');

    short sh[3] = { 1, 2, 3 };
    char *bytes = (char *)sh;
    short *second = (short *)(bytes + sizeof(short));
    printf("second short via byte arithmetic: %d\n", *second);
    void *v = &a[1];
    int *back = v;
    printf("through void*: %d\n", *back);
    int *null = NULL;
    printf("null pointer is %s\n", null == 0 ? "zero" : "non-zero");
    return 0;
}
