/* A vfork child returns from the function that called vfork, then calls printf and _exit:
   its calls overwrite that function's saved frame, and the parent, resuming there, crashes. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int jobs_started = 0;

void goodbye(void) {
    printf("parent: goodbye\n");
}

pid_t start_job(void) {
    pid_t pid = vfork();
    if (pid > 0)
        jobs_started++;
    return pid;
}

int main(void) {
    atexit(goodbye);
    pid_t a = start_job();
    if (a == 0) {
        printf("child: one\n");
        _exit(0);
    }
    pid_t b = start_job();
    if (b == 0) {
        printf("child: two\n");
        _exit(0);
    }
    waitpid(a, NULL, 0);
    waitpid(b, NULL, 0);
    printf("parent: %d jobs started\n", jobs_started);
    return 0;
}
