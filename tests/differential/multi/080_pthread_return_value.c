// pthread_join hands back the pointer the thread returned.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *sum_to(void *arg) {
    int n = *(int *)arg;
    long *total = malloc(sizeof *total);
    *total = 0;
    for (int i = 1; i <= n; i++) *total += i;
    return total;
}

int main(void) {
    pthread_t t;
    int n = 100;
    void *ret;
    pthread_create(&t, NULL, sum_to, &n);
    pthread_join(t, &ret);
    printf("sum 1..%d = %ld\n", n, *(long *)ret);
    free(ret);
    return 0;
}
