// alarm and pause: pause sleeps until a signal's handler has run; alarm(0) cancels and
// returns the seconds that were left.
#include <stdio.h>
#include <signal.h>
#include <unistd.h>

static volatile sig_atomic_t rang;

static void on_alarm(int sig)
{
    (void)sig;
    rang++;
}

int main(void)
{
    signal(SIGALRM, on_alarm);
    printf("alarm(5) returned %u\n", alarm(5));
    printf("alarm(0) cancelled it with %u seconds left\n", alarm(0));
    alarm(1);
    printf("pausing until the alarm\n");
    int r = pause();
    printf("pause returned %d, alarm rang %d time(s)\n", r, (int)rang);
    printf("sleep(0) returned %u\n", sleep(0));
    usleep(1000);
    printf("usleep done\n");
    return 0;
}
