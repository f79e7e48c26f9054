/* Locks correctly but joins only the first thread: the total is printed before the others end. */
#include <stdio.h>
#include <pthread.h>

#define THREADS 4
#define ROUNDS 1000

long counter = 0;
pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void *work(void *arg) {
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
    pthread_join(threads[0], NULL);
    printf("counter = %ld\n", counter);
    return 0;
}
