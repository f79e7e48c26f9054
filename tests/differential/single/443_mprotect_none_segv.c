// mprotect(PROT_NONE) takes every access away: even a read of a page that held data is SIGSEGV.
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
    long page = sysconf(_SC_PAGESIZE);
    char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    strcpy(p, "first page");
    strcpy(p + page, "second page");
    if (mprotect(p + page, page, PROT_READ) != 0) perror("mprotect");
    printf("%s, %s\n", p, p + page);
    if (mprotect(p, page, PROT_NONE) != 0) perror("mprotect");
    printf("second page still reads: %s\n", p + page);
    fflush(stdout);
    printf("first page: %s\n", p);
    return 0;
}
