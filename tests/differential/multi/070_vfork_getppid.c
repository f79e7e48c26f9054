// A vfork child is a process of its own: a new pid whose parent is the caller.
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

pid_t child_self, child_parent;

int main(void) {
    pid_t pid = vfork();
    if (pid == 0) {
        child_self = getpid();
        child_parent = getppid();
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("child's getpid() == vfork's return: %s\n", child_self == pid ? "yes" : "no");
    printf("child's getppid() == parent's getpid(): %s\n", child_parent == getpid() ? "yes" : "no");
    return 0;
}
