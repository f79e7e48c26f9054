// Only the low 8 bits of exit's argument reach the parent: 256 -> 0, 259 -> 3, -1 -> 255.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    int codes[] = {0, 1, 127, 255, 256, 259, -1, 1000};
    for (int i = 0; i < 8; i++) {
        pid_t pid = fork();
        if (pid == 0) exit(codes[i]);
        int status;
        waitpid(pid, &status, 0);
        printf("exit(%d) -> WEXITSTATUS %d\n", codes[i], WEXITSTATUS(status));
    }
    return 0;
}
