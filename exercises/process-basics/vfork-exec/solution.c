#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#define N 4096

long table[N];

int main(int argc, char *argv[]) {
    const char *program = argc > 1 ? argv[1] : "echo";
    for (int i = 0; i < N; i++)
        table[i] = i;

    /* vfork: the child borrows our memory and we sleep until it has called exec or _exit */
    pid_t pid = vfork();
    if (pid < 0) {
        perror("vfork");
        return 1;
    }
    if (pid == 0) {
        execlp(program, program, "child: hello from echo", (char *)NULL);
        _exit(127);         /* exec failed: the only other safe thing to do */
    }
    int status;
    waitpid(pid, &status, 0);
    printf("parent: %s exited with %d\n", program, WEXITSTATUS(status));
    return 0;
}
