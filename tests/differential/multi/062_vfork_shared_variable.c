// vfork: the child runs in the parent's memory, so its write to a global is seen by the
// parent. (The child only writes and calls _exit, the one safe use besides exec.)
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int shared = 1;

int main(void) {
    pid_t pid = vfork();
    if (pid == 0) {
        shared = 2;
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("after vfork the parent sees shared = %d\n", shared);
    return 0;
}
