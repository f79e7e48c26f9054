// MAP_PRIVATE | MAP_ANONYMOUS is copy-on-write after fork, like the heap: the child's write makes
// its own copy, and the parent keeps its value. A MAP_SHARED page beside it is not copied.
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    size_t page = (size_t) sysconf(_SC_PAGESIZE);
    char *private = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *shared = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (private == MAP_FAILED || shared == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    strcpy(private, "parent's private text");
    strcpy(private + page, "second page");
    strcpy(shared, "parent's shared text");
    pid_t pid = fork();
    if (pid == 0) {
        printf("child sees: %s | %s | %s\n", private, private + page, shared);
        strcpy(private, "child's private text");
        strcpy(shared, "child's shared text");
        printf("child wrote: %s | %s\n", private, shared);
        return 0;
    }
    int status;
    waitpid(pid, &status, 0);
    printf("parent sees: %s | %s | %s\n", private, private + page, shared);
    munmap(private, 2 * page);
    munmap(shared, page);
    return 0;
}
