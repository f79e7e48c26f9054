#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

#define STACK_SIZE 65536

/* The flags used when the program is given no argument: share the signal handlers. */
#define DEFAULT_FLAGS CLONE_SIGHAND

struct flag_name {
    const char *name;
    int value;
};

struct flag_name names[] = {
    {"CLONE_VM", CLONE_VM},         {"CLONE_FS", CLONE_FS},
    {"CLONE_FILES", CLONE_FILES},   {"CLONE_SIGHAND", CLONE_SIGHAND},
    {"CLONE_THREAD", CLONE_THREAD}, {"CLONE_NEWNS", CLONE_NEWNS},
};

/* The flags named by the arguments (e.g. CLONE_VM CLONE_SIGHAND), or DEFAULT_FLAGS. */
int parse_flags(int argc, char *argv[]) {
    if (argc < 2)
        return DEFAULT_FLAGS;
    int flags = 0;
    for (int i = 1; i < argc; i++)
        for (int j = 0; j < (int)(sizeof names / sizeof names[0]); j++)
            if (strcmp(argv[i], names[j].name) == 0)
                flags |= names[j].value;
    return flags;
}

int child(void *arg) {
    printf("child: running\n");
    return 0;
}

int main(int argc, char *argv[]) {
    int flags = parse_flags(argc, argv);
    char *stack = malloc(STACK_SIZE);
    pid_t pid = clone(child, stack + STACK_SIZE, flags | SIGCHLD, NULL);
    int status;
    waitpid(pid, &status, 0);
    printf("parent: child exited with %d\n", WEXITSTATUS(status));
    return 0;
}
