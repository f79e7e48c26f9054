// Four threads add to one counter under a mutex: no update is lost.
#include <pthread.h>
#include <stdio.h>

static long counter = 0;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *add(void *arg) {
    int times = *(int *)arg;
    for (int i = 0; i < times; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

int main(void) {
    pthread_t threads[4];
    int times = 5000;
    for (int i = 0; i < 4; i++) pthread_create(&threads[i], NULL, add, &times);
    for (int i = 0; i < 4; i++) pthread_join(threads[i], NULL);
    printf("counter = %ld (expected %d)\n", counter, 4 * times);
    return 0;
}
