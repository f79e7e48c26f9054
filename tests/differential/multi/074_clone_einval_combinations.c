// Invalid flag combinations fail with EINVAL before any child exists: CLONE_SIGHAND without
// CLONE_VM, CLONE_THREAD without CLONE_SIGHAND, CLONE_NEWNS with CLONE_FS.
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char stack[64 * 1024];

static int fn(void *arg) {
    (void)arg;
    return 0;
}

static void try_flags(const char *name, int flags) {
    errno = 0;
    int r = clone(fn, stack + sizeof stack, flags, NULL);
    printf("%-22s -> %d %s\n", name, r, r < 0 ? strerror(errno) : "(child created)");
}

int main(void) {
    try_flags("SIGHAND without VM", CLONE_SIGHAND | SIGCHLD);
    try_flags("THREAD without SIGHAND", CLONE_VM | CLONE_THREAD);
    try_flags("NEWNS with FS", CLONE_NEWNS | CLONE_FS | SIGCHLD);
    return 0;
}
