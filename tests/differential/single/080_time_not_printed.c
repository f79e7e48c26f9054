// time(NULL) is called but never printed (it changes every run); only facts about it are.
#include <stdio.h>
#include <time.h>

int main(void)
{
    time_t now = time(NULL);
    time_t again;
    time_t returned = time(&again);
    printf("time is after 2020: %s\n", now > 1577836800 ? "yes" : "no");
    printf("time(&t) stores what it returns: %s\n", returned == again ? "yes" : "no");
    printf("clock did not go backwards: %s\n", again >= now ? "yes" : "no");
    printf("sizeof(time_t) = %zu\n", sizeof(time_t));
    return 0;
}
