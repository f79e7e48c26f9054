// outputs: any
// runs: 100
// A lost update on shared memory: parent and child each read a counter in a MAP_SHARED mapping,
// yield the CPU, then write back what they read plus one. Nothing orders the two, so the final
// value is 2 when one finished before the other read, and 1 when both read 0 first (the other
// process's increment is lost). Linux shows 2 most of the time; "Find all possible outputs"
// must find both, since the two processes share the page's frame.
#include <sched.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int *counter = mmap(NULL, sizeof *counter, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (counter == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    pid_t pid = fork();
    int seen = *counter;
    sched_yield();
    *counter = seen + 1;
    if (pid == 0) return 0;
    waitpid(pid, NULL, 0);
    printf("counter = %d\n", *counter);
    return 0;
}
