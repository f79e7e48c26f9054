// The vfork parent sleeps until the child calls _exit (or exec): the child's lines always come
// first, even though the child sleeps between them and the parent does not wait().
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = vfork();
    if (pid == 0) {
        for (int i = 1; i <= 3; i++) {
            write(1, "child writes\n", 13);
            usleep(20000);
        }
        _exit(0);
    }
    write(1, "parent resumes\n", 15);
    waitpid(pid, NULL, 0);
    return 0;
}
