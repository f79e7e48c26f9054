#include <stdio.h>
#include <pthread.h>

#define THREADS 4
#define ROUNDS 1000

long counter = 0;
pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* Each thread adds ROUNDS to the shared counter; the mutex makes each update whole. */
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
    for (int i = 0; i < THREADS; i++) {
        if (pthread_create(&threads[i], NULL, work, NULL) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            return 1;
        }
    }
    for (int i = 0; i < THREADS; i++)
        pthread_join(threads[i], NULL);
    printf("counter = %ld\n", counter);
    return 0;
}
