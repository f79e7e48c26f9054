// A mapping made with PROT_READ reads as zeros, and a write to it is SIGSEGV.
#include <stdio.h>
#include <sys/mman.h>

int main(void) {
    char *p = mmap(NULL, 100, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    printf("p[0] = %d, p[99] = %d\n", p[0], p[99]);
    fflush(stdout);
    p[0] = 'x';
    printf("not reached\n");
    return 0;
}
