#include <stdio.h>
#include <pthread.h>

#define THREADS 4
#define ROUNDS 1000

long counter = 0;

/* Each thread adds ROUNDS to the shared counter, one at a time. */
void *work(void *arg) {
    for (int i = 0; i < ROUNDS; i++)
        counter = counter + 1;
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
