// The parent exits without waiting; its child becomes an orphan and is adopted by another
// process (init or a subreaper, depending on the machine), so getppid() changes. The child
// waits for that to happen, then prints; its line comes after the parent's exit.
#include <stdio.h>
#include <unistd.h>

int main(void) {
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        int tries = 0;
        while (getppid() == parent && tries < 5000) {
            usleep(1000);
            tries++;
        }
        printf("orphan: my parent changed: %s\n", getppid() != parent ? "yes" : "no");
        return 0;
    }
    printf("parent: exiting without wait\n");
    return 0;
}
