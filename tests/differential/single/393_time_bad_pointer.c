/* time() is answered in user space on x86-64 (the vDSO), not by a system call: a bad pointer
   for its result is a segmentation fault in the program, not an EFAULT error. */
#include <stdio.h>
#include <time.h>

int main(void) {
    printf("before\n");
    time_t t = time((time_t *)8);
    printf("after %d\n", t > 0);
    return 0;
}
