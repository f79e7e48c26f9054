/* Writes to the borrowed memory before exec: the parent will find table[0] changed. */
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

    /* The child writes into the memory it borrowed from the parent before exec. */
    pid_t pid = vfork();
    if (pid < 0) {
        perror("vfork");
        return 1;
    }
    if (pid == 0) {
        table[0] = -1;                  /* "tell" the parent we started */
        execlp(program, program, "child: hello from echo", (char *)NULL);
        _exit(127);         /* exec failed: the only other safe thing to do */
    }
    int status;
    waitpid(pid, &status, 0);
    printf("parent: %s exited with %d\n", program, WEXITSTATUS(status));
    return 0;
}
