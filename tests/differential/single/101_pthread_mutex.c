// Two threads add to a shared counter under a mutex; after both joins the total is exact.
#include <stdio.h>
#include <pthread.h>

static long counter;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *add_many(void *arg)
{
    int times = *(int *)arg;
    for (int i = 0; i < times; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

int main(void)
{
    int a = 20000, b = 30000;
    pthread_t t1, t2;
    pthread_create(&t1, NULL, add_many, &a);
    pthread_create(&t2, NULL, add_many, &b);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    printf("counter = %ld (expected %d)\n", counter, a + b);
    return 0;
}
