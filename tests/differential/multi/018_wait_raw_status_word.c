// The raw status word as Linux encodes it: exit status in bits 8-15, terminating signal in
// bits 0-6, 0x80 the core flag.
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid == 0) exit(3);
    int status;
    waitpid(pid, &status, 0);
    printf("exit(3): status = 0x%04x\n", status);

    pid = fork();
    if (pid == 0) {
        raise(SIGTERM);
        exit(0);
    }
    waitpid(pid, &status, 0);
    printf("SIGTERM: status = 0x%04x\n", status);

    pid = fork();
    if (pid == 0) exit(0);
    waitpid(pid, &status, 0);
    printf("exit(0): status = 0x%04x\n", status);
    return 0;
}
