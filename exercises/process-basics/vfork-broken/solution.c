#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int jobs_started = 0;

void goodbye(void) {
    printf("parent: goodbye\n");
}

/* Starts a job that prints its name; returns the job's pid. The child does real work (printf),
   so it needs its own memory: fork, not vfork. */
pid_t start_job(const char *name) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        printf("child: %s\n", name);
        fflush(stdout);
        _exit(0);           /* not exit(): goodbye is the parent's handler */
    }
    if (pid > 0)
        jobs_started++;     /* counted by the parent, in its own memory */
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
