// The classic orphan demo with sleeps: the child sleeps longer than its parent, so the parent
// prints and exits first and the child, adopted by init, prints after it. Linux always prints
// "parent" then "child" (the sleeps are 100 ms apart).
#include <stdio.h>
#include <unistd.h>

int main(void) {
    if (fork() == 0) {
        usleep(200000);
        printf("child\n");
        return 0;
    }
    usleep(100000);
    printf("parent\n");
    return 0;
}
