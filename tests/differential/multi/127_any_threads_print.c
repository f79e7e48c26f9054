// outputs: any
// runs: 100
// Two threads print one line each; main joins both, then prints. Possible: thread 1 first or
// thread 2 first; "joined" always last.
#include <pthread.h>
#include <stdio.h>

static void *say(void *arg) {
    printf("thread %d\n", *(int *)arg);
    return NULL;
}

int main(void) {
    pthread_t t1, t2;
    int one = 1, two = 2;
    pthread_create(&t1, NULL, say, &one);
    pthread_create(&t2, NULL, say, &two);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    printf("joined\n");
    return 0;
}
