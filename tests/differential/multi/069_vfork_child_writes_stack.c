// A vfork child even shares the parent's stack: writing a local of main changes the parent's
// local. (Allowed here only to show it; real code must not.)
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    volatile int local = 1;
    int array[3] = {0, 0, 0};
    pid_t pid = vfork();
    if (pid == 0) {
        local = 42;
        array[1] = 5;
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("local = %d, array = {%d, %d, %d}\n", local, array[0], array[1], array[2]);
    return 0;
}
