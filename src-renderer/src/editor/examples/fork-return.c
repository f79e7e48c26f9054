/* fork returns twice: 0 in the child, the child's pid in the parent
   (and -1, with no child, when it fails). */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        printf("child:  fork returned 0, my pid is %d\n", getpid());
        return 0;
    }
    printf("parent: fork returned %d, the child's pid\n", pid);
    wait(NULL);
    return 0;
}
