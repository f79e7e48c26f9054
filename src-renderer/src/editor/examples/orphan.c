/* An orphan: the parent exits without waiting. The kernel gives its
   child to init (pid 1), which becomes the child's new parent (getppid
   changes) and reaps it when it ends. */
#include <stdio.h>
#include <unistd.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        printf("child: my parent is %d\n", getppid());
        sleep(2);                   /* the parent exits meanwhile */
        printf("child: my parent is now %d (adopted by init)\n", getppid());
        return 0;
    }
    sleep(1);
    printf("parent %d: exiting without waiting for %d\n", getpid(), pid);
    return 0;
}
