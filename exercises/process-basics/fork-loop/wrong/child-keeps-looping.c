/* The child prints but does not leave: it goes on round the loop and forks children of its own. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int children = 0;
    for (int i = 0; i < 3; i++) {
        if (fork() == 0) {
            printf("child %d\n", i);
            children = 0;
        } else {
            children++;
        }
    }
    for (int i = 0; i < children; i++)
        wait(NULL);
    if (getppid() != 1 && children == 3)
        printf("all 3 children done\n");
    return 0;
}
