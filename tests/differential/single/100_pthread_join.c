// One worker thread computes while main waits in pthread_join; the result comes back through
// the thread's return value. Only main prints, after the join, so the output is deterministic.
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>

struct job { int from, to; long sum; };

static void *add_range(void *arg)
{
    struct job *job = arg;
    for (int i = job->from; i <= job->to; i++)
        job->sum += i;
    return job;
}

static void *square(void *arg)
{
    long v = (long)arg;
    pthread_exit((void *)(v * v));
}

int main(void)
{
    struct job job = { 1, 1000, 0 };
    pthread_t t;
    pthread_create(&t, NULL, add_range, &job);
    void *result;
    pthread_join(t, &result);
    printf("sum 1..1000 = %ld, returned our struct: %s\n", job.sum, result == &job ? "yes" : "no");

    pthread_t workers[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&workers[i], NULL, square, (void *)(i + 2));
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(workers[i], &r);
        printf("worker %d returned %ld\n", i, (long)r);
    }
    return 0;
}
