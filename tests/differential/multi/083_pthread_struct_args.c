// Each thread gets its own slice of an array through a struct and fills in a partial sum;
// main adds the parts after joining.
#include <pthread.h>
#include <stdio.h>

struct slice {
    const int *data;
    int count;
    long sum;
};

static void *sum_slice(void *arg) {
    struct slice *s = arg;
    s->sum = 0;
    for (int i = 0; i < s->count; i++) s->sum += s->data[i];
    return NULL;
}

int main(void) {
    int data[12];
    for (int i = 0; i < 12; i++) data[i] = i * i;
    struct slice parts[3];
    pthread_t t[3];
    for (int i = 0; i < 3; i++) {
        parts[i].data = data + 4 * i;
        parts[i].count = 4;
        pthread_create(&t[i], NULL, sum_slice, &parts[i]);
    }
    long total = 0;
    for (int i = 0; i < 3; i++) {
        pthread_join(t[i], NULL);
        printf("part %d: %ld\n", i, parts[i].sum);
        total += parts[i].sum;
    }
    printf("total: %ld\n", total);
    return 0;
}
