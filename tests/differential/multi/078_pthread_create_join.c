// A thread shares the process's memory: its write is seen after pthread_join.
#include <pthread.h>
#include <stdio.h>

int result = 0;

static void *worker(void *arg) {
    result = *(int *)arg * 3;
    return NULL;
}

int main(void) {
    pthread_t t;
    int input = 14;
    pthread_create(&t, NULL, worker, &input);
    pthread_join(t, NULL);
    printf("result = %d\n", result);
    return 0;
}
