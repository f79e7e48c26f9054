// pthread_exit ends only the thread, with a value for pthread_join.
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

static void *worker(void *arg) {
    intptr_t n = (intptr_t)arg;
    if (n > 2) pthread_exit((void *)(n * 10));
    return (void *)n;
}

int main(void) {
    pthread_t t[4];
    for (intptr_t i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, (void *)(i + 1));
    for (int i = 0; i < 4; i++) {
        void *v;
        pthread_join(t[i], &v);
        printf("thread %d gave %ld\n", i, (long)(intptr_t)v);
    }
    return 0;
}
