// The same virtual address holds different values in parent and child after a write
// (copy-on-write). Addresses are compared, never printed.
#include <stdio.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/wait.h>

int value = 5;

int main(void) {
    int fds[2];
    pipe(fds);
    pid_t pid = fork();
    if (pid == 0) {
        value = 6;
        uintptr_t where = (uintptr_t)&value;
        write(fds[1], &where, sizeof where);
        _exit(value);
    }
    uintptr_t child_addr = 0;
    read(fds[0], &child_addr, sizeof child_addr);
    int status;
    waitpid(pid, &status, 0);
    printf("same address in both: %s\n", child_addr == (uintptr_t)&value ? "yes" : "no");
    printf("child's value %d, parent's value %d\n", WEXITSTATUS(status), value);
    return 0;
}
