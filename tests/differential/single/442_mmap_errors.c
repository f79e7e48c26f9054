// mmap, munmap and mprotect reject bad arguments with the errno Linux gives, and consecutive
// anonymous mappings are placed one below the other.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void report(const char *what, int result) {
    printf("%-28s %d %s\n", what, result, result == 0 ? "" : strerror(errno));
}

static void try_map(const char *what, size_t length, int prot, int flags, int fd, off_t offset) {
    errno = 0;
    void *p = mmap(NULL, length, prot, flags, fd, offset);
    if (p == MAP_FAILED) printf("%-28s MAP_FAILED, %s\n", what, strerror(errno));
    else printf("%-28s mapped\n", what);
}

int main(void) {
    long page = sysconf(_SC_PAGESIZE);
    printf("page size %ld, getpagesize %d\n", page, getpagesize());
    try_map("length 0", 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    try_map("neither shared nor private", 4096, PROT_READ, MAP_ANONYMOUS, -1, 0);
    try_map("both shared and private", 4096, PROT_READ, MAP_SHARED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    try_map("offset not a page", 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 100);
    try_map("no file, no MAP_ANONYMOUS", 4096, PROT_READ, MAP_PRIVATE, -1, 0);
    try_map("terminal", 4096, PROT_READ, MAP_PRIVATE, 1, 0);
    try_map("all of memory", (size_t) -1, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    try_map("fd ignored when anonymous", 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, 7, 0);

    char *a = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *b = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *c = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    printf("b - a = %ld pages, c - b = %ld pages\n", (long) (b - a) / page, (long) (c - b) / page);

    errno = 0;
    report("munmap(a + 1)", munmap(a + 1, page));
    errno = 0;
    report("munmap(a, 0)", munmap(a, 0));
    errno = 0;
    report("munmap(a, 1)", munmap(a, 1));
    errno = 0;
    report("munmap(a) again", munmap(a, page));
    errno = 0;
    report("mprotect(b + 1)", mprotect(b + 1, page, PROT_READ));
    errno = 0;
    report("mprotect(a) unmapped", mprotect(a, page, PROT_READ));
    b[0] = 'b';
    errno = 0;
    /* Linux changes the pages up to the hole before it fails */
    report("mprotect(b, 2 pages)", mprotect(b, 2 * page, PROT_READ));
    errno = 0;
    report("mprotect(b, bad bits)", mprotect(b, page, 0x100));
    errno = 0;
    report("mprotect(b, 0 bytes)", mprotect(b, 0, PROT_NONE));
    printf("b[0] = %c after the failed mprotect made it read-only\n", b[0]);
    printf("mprotect(c + page, PROT_NONE): %d\n", mprotect(c + page, page, PROT_NONE));
    c[0] = 'c';
    c[2 * page] = 'C';
    printf("c[0] = %c, c[2 pages] = %c\n", c[0], c[2 * page]);
    return 0;
}
