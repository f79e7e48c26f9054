// alarm(1) then pause(): the SIGALRM handler runs and pause returns -1 with EINTR.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile sig_atomic_t rang = 0;

static void on_alarm(int sig) {
    (void)sig;
    rang = 1;
}

int main(void) {
    signal(SIGALRM, on_alarm);
    alarm(1);
    int r = pause();
    printf("pause returned %d, EINTR: %s, alarm rang: %s\n", r, errno == EINTR ? "yes" : "no", rang ? "yes" : "no");
    return 0;
}
