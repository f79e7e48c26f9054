// alarm returns the seconds left on the previous alarm; alarm(0) cancels it. No signal comes.
#include <stdio.h>
#include <unistd.h>

int main(void) {
    printf("first alarm(5) returns %u\n", alarm(5));
    printf("alarm(10) returns %u\n", alarm(10));
    printf("alarm(0) returns %u\n", alarm(0));
    printf("alarm(0) again returns %u\n", alarm(0));
    return 0;
}
