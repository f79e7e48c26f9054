// A thread is in the same process: getpid() is the same, gettid() differs.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

pid_t thread_pid, thread_tid;

static void *who(void *arg) {
    (void)arg;
    thread_pid = getpid();
    thread_tid = gettid();
    return NULL;
}

int main(void) {
    pthread_t t;
    pthread_create(&t, NULL, who, NULL);
    pthread_join(t, NULL);
    printf("same getpid(): %s\n", thread_pid == getpid() ? "yes" : "no");
    printf("different gettid(): %s\n", thread_tid != gettid() ? "yes" : "no");
    printf("main thread's tid is the pid: %s\n", gettid() == getpid() ? "yes" : "no");
    return 0;
}
