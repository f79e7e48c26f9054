// The classic shared-counter exercise: a MAP_SHARED anonymous mapping stays shared by parent and
// children after fork (the same frames, never copied on write), so each child's increments are
// seen by the next child and by the parent; an ordinary variable is copied as usual.
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int *counter = mmap(NULL, sizeof *counter, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (counter == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    printf("fresh mapping holds %d\n", *counter);
    int plain = 0;
    for (int i = 0; i < 3; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            for (int j = 0; j < 1000; j++) (*counter)++;
            plain += 1000;
            printf("child %d: counter %d, plain %d\n", i, *counter, plain);
            exit(0);
        }
        waitpid(pid, NULL, 0);
    }
    printf("parent: counter %d, plain %d\n", *counter, plain);
    if (munmap(counter, sizeof *counter) != 0) perror("munmap");
    return 0;
}
