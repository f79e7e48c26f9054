#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int jobs_started = 0;

void goodbye(void) {
    printf("parent: goodbye\n");
}

/* Starts a job that prints its name; returns the job's pid. */
pid_t start_job(const char *name) {
    pid_t pid = vfork();
    if (pid == 0) {
        jobs_started++;
        printf("child: %s\n", name);
        exit(0);
    }
    return pid;
}

int main(void) {
    atexit(goodbye);
    pid_t a = start_job("one");
    pid_t b = start_job("two");
    waitpid(a, NULL, 0);
    waitpid(b, NULL, 0);
    printf("parent: %d jobs started\n", jobs_started);
    return 0;
}
