/* Several children append to one log through O_APPEND descriptors they open themselves; waiting
   for each in turn fixes the order. Then the parent counts the lines with wc. */
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    for (int i = 1; i <= 4; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            int fd = open("log.txt", O_WRONLY | O_CREAT | O_APPEND, 0644);
            dprintf(fd, "child %d was here\n", i);
            close(fd);
            exit(0);
        }
        waitpid(pid, NULL, 0);
    }
    system("cat log.txt; wc -l < log.txt");
    return 0;
}
