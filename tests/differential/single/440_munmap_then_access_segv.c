// After munmap the pages are gone: touching them again is SIGSEGV, as on Linux.
#include <stdio.h>
#include <sys/mman.h>

int main(void) {
    int *numbers = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (numbers == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    for (int i = 0; i < 10; i++) numbers[i] = i * i;
    printf("numbers[9] = %d\n", numbers[9]);
    printf("munmap: %d\n", munmap(numbers, 4096));
    fflush(stdout);
    printf("after munmap: %d\n", numbers[9]);
    return 0;
}
