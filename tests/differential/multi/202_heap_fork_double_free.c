// After fork the child has its own copy of the heap: it frees its copy of a block twice and
// glibc aborts the child (SIGABRT, the message on the shared terminal), while the parent's copy
// is untouched and the parent sees the child killed by signal 6.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
    char *note = malloc(32);
    strcpy(note, "written before fork");
    pid_t pid = fork();
    if (pid == 0) {
        printf("child: %s\n", note);
        free(note);
        free(note);
        printf("child: never printed\n");
        return 0;
    }
    int status;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        printf("parent: child killed by signal %d, my copy still reads \"%s\"\n", WTERMSIG(status), note);
    else
        printf("parent: child exited with %d\n", WEXITSTATUS(status));
    free(note);
    return 0;
}
