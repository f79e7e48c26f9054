/* Each thread locks a mutex of its own: nobody ever waits, so the updates still collide. */
#include <stdio.h>
#include <pthread.h>

#define THREADS 4
#define ROUNDS 1000

long counter = 0;

void *work(void *arg) {
    pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    for (int i = 0; i < ROUNDS; i++) {
        pthread_mutex_lock(&lock);
        counter = counter + 1;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

int main(void) {
    pthread_t threads[THREADS];
    for (int i = 0; i < THREADS; i++)
        pthread_create(&threads[i], NULL, work, NULL);
    for (int i = 0; i < THREADS; i++)
        pthread_join(threads[i], NULL);
    printf("counter = %ld\n", counter);
    return 0;
}
