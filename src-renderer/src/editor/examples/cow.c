/* Copy-on-write: after fork, parent and child share every page, marked
   read-only. The child's first write to `counter` faults and the
   kernel copies that one page: from then on each process has its own
   counter. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int counter = 1;

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        counter = 2;                /* the write copies the page */
        printf("child:  counter = %d\n", counter);
        exit(0);
    }
    wait(NULL);
    printf("parent: counter = %d (its page was never copied)\n", counter);
    return 0;
}
