// "hello " sits unflushed in the stdout buffer when fork copies the memory, so both processes
// print it: the classic double printing, on a terminal too.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    printf("hello ");
    pid_t pid = fork();
    if (pid == 0) {
        printf("from the child\n");
        return 0;
    }
    wait(NULL);
    printf("from the parent\n");
    return 0;
}
