// fork returns twice: 0 in the child, the child's pid in the parent. The parent waits, so the
// child's line always comes first.
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
        printf("child: fork returned %d\n", pid);
        return 0;
    }
    pid_t reaped = wait(NULL);
    printf("parent: fork returned a positive pid: %s\n", pid > 0 ? "yes" : "no");
    printf("parent: wait returned the same pid: %s\n", reaped == pid ? "yes" : "no");
    return 0;
}
