/**
 * The lab's C runtime, written in the lab's own C and linked into every program.
 *
 * It holds the parts of the C library that must call back into the program (exit runs the
 * atexit handlers) or whose state students should see living in the process's memory (the stdio
 * FILE objects and their buffers, errno, the malloc arena over brk, strtok's position, rand's
 * state, environ). Because this state is ordinary memory, fork copies it, vfork shares it and
 * exec throws it away, exactly as with glibc.
 *
 * Natives (vm/libc/*.ts) implement the rest in TypeScript, on this same memory.
 */
import type { SourceFile } from '../../lang/image.ts';
import { CRT_FILES_SOURCE } from './crt-files.ts';

const CRT_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <sys/wait.h>
#include <sched.h>
#include <pthread.h>

int errno;
char **environ;

/* ---- stdio: the three standard streams; as in glibc, stdin's and stdout's buffers come from
   malloc at their first use (vm/libc/stdio.ts), and stderr has none */
FILE __lab_stdin_file = { 0, 1, -1, 0, 0, 0, 0 };
FILE __lab_stdout_file = { 1, 2, -1, 0, 0, 0, 0 };
FILE __lab_stderr_file = { 2, 2, 2, 0, 0, 0, 0 };
FILE *stdin = &__lab_stdin_file;
FILE *stdout = &__lab_stdout_file;
FILE *stderr = &__lab_stderr_file;

/* ---- static areas that native library functions use (see vm/libc/native.ts) */
char __lab_strerror_buf[256];
char __lab_strsignal_buf[256];
int __lab_rand_state[64];
char __lab_envspace[4096];

/* ---- program start: the kernel enters here with argc, argv and envp (see kernel exec) */
extern int main();

char *program_invocation_name;
char *program_invocation_short_name;

void _start(int argc, char **argv, char **envp) {
    environ = envp;
    program_invocation_name = argv[0];
    char *slash = strrchr(argv[0], '/');
    program_invocation_short_name = slash ? slash + 1 : argv[0];
    exit(main(argc, argv, envp));
}

/* ---- signal handlers return here (the kernel makes this their return address) and the
   saved registers come back from the signal frame */
void __lab_sigreturn(void);

void __lab_restorer(void) {
    __lab_sigreturn();
}

/* ---- clone and threads. A clone child starts here on its new stack; when fn returns, the
   task ends with its value (the exit system call: only this task, not the whole group). */
void __lab_exit_thread(int status);
int __lab_test_and_set(int *word);

void __lab_clone_start(int (*fn)(void *), void *arg) {
    __lab_exit_thread(fn(arg));
}

struct __lab_thread {
    void *(*start)(void *);
    void *arg;
    void *result;
    int tid;
    char *stack;
    struct __lab_thread *next;
};

/* every thread created and not yet joined, so that pthread_exit can find its own */
static struct __lab_thread *__lab_threads;

#define __LAB_THREAD_STACK 65536
#define __LAB_THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
    CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

static int __lab_thread_main(void *p) {
    struct __lab_thread *t = p;
    t->result = t->start(t->arg);
    return 0;
}

/* The thread's stack and its descriptor: one mapping of its own, as glibc's pthread makes them
   (nothing from malloc). The descriptor is at the bottom, the stack grows down from the top. */
int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *arg) {
    char *stack = __lab_mmap(__LAB_THREAD_STACK);
    if (!stack) return EAGAIN;
    struct __lab_thread *t = (struct __lab_thread *)stack;
    t->start = start;
    t->arg = arg;
    t->result = NULL;
    t->stack = stack;
    int tid = clone(__lab_thread_main, stack + __LAB_THREAD_STACK, __LAB_THREAD_FLAGS, t, &t->tid, NULL, &t->tid);
    if (tid < 0) { int e = errno; __lab_munmap(stack, __LAB_THREAD_STACK); return e; }
    t->next = __lab_threads;
    __lab_threads = t;
    *thread = (pthread_t)t;
    return 0;
}

/* Waits until the thread's tid word is cleared by the kernel at its exit (CLONE_CHILD_CLEARTID). */
int pthread_join(pthread_t thread, void **result) {
    struct __lab_thread *t = (struct __lab_thread *)thread;
    int tid;
    while ((tid = t->tid) != 0) __lab_futex_wait(&t->tid, tid);
    if (result) *result = t->result;
    struct __lab_thread **link = &__lab_threads;
    while (*link && *link != t) link = &(*link)->next;
    if (*link) *link = t->next;
    __lab_munmap(t->stack, __LAB_THREAD_STACK);
    return 0;
}

void pthread_exit(void *result) {
    int self = gettid();
    for (struct __lab_thread *t = __lab_threads; t; t = t->next) {
        if (t->tid == self) t->result = result;
    }
    __lab_exit_thread(0);
}

pthread_t pthread_self(void) {
    return (pthread_t)gettid();
}

int pthread_mutex_init(pthread_mutex_t *mutex, const pthread_mutexattr_t *attr) {
    *(int *)mutex = 0;
    return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *mutex) {
    return 0;
}

/* A mutex is one int: 0 free, 1 taken. Taking it is one atomic step; waiters sleep on a futex. */
int pthread_mutex_lock(pthread_mutex_t *mutex) {
    int *word = (int *)mutex;
    while (__lab_test_and_set(word)) __lab_futex_wait(word, 1);
    return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *mutex) {
    int *word = (int *)mutex;
    *word = 0;
    __lab_futex_wake(word, 1);
    return 0;
}

/* ---- exit and atexit */
static void (*__lab_atexit_fns[32])(void);
static int __lab_atexit_count;

int atexit(void (*function)(void)) {
    if (__lab_atexit_count >= 32) return -1;
    __lab_atexit_fns[__lab_atexit_count++] = function;
    return 0;
}

/* Runs the atexit handlers, last registered first, flushes stdio, and ends the process. */
void exit(int status) {
    while (__lab_atexit_count > 0) {
        void (*handler)(void) = __lab_atexit_fns[--__lab_atexit_count];
        handler();
    }
    __lab_flush_all();
    _exit(status);
}

void __lab_assert_fail(const char *assertion, const char *file, unsigned int line, const char *function) {
    fflush(stdout);
    fprintf(stderr, "%s: %s:%u: %s: Assertion ${'`'}%s' failed.\n", program_invocation_short_name, file, line, function, assertion);
    abort();
}

/* ---- malloc, free, calloc and realloc are glibc's allocator, run by the lab (vm/libc/malloc)
   on this state: glibc's main_arena, the tcache pointer and key. */
long __lab_malloc_state[278];

char *strdup(const char *s) {
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

char *strndup(const char *s, size_t max) {
    size_t n = strnlen(s, max);
    char *d = malloc(n + 1);
    if (!d) return NULL;
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

static char *__lab_strtok_next;

char *strtok(char *s, const char *delim) {
    if (!s) s = __lab_strtok_next;
    if (!s) return NULL;
    s += strspn(s, delim);
    if (!*s) { __lab_strtok_next = NULL; return NULL; }
    char *end = s + strcspn(s, delim);
    if (*end) { *end = 0; __lab_strtok_next = end + 1; }
    else __lab_strtok_next = NULL;
    return s;
}

/* qsort: glibc's merge sort (vm/libc/qsort.ts does the moving); the temporary area is on the
   stack when it is under 1024 bytes, else from malloc, as in glibc. */
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
    size_t need = __lab_sort_scratch(n, size);
    char *tmp = need < 1024 ? alloca(need) : malloc(need);
    if (!tmp) return;
    struct __lab_sort st;
    __lab_sort_start(&st, base, n, size, tmp, cmp);
    __lab_sort_run(0, &st);
    if (need >= 1024) free(tmp);
}

/* bsearch: glibc's (bits/stdlib-bsearch.h), comparison for comparison. */
void *bsearch(const void *key, const void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
    size_t l = 0, u = n;
    while (l < u) {
        size_t idx = (l + u) / 2;
        const void *p = (const char *)base + idx * size;
        int comparison = cmp(key, p);
        if (comparison < 0) u = idx;
        else if (comparison > 0) l = idx + 1;
        else return (void *)p;
    }
    return NULL;
}
${CRT_FILES_SOURCE}
`;

/** The runtime as a translation unit for compile({ runtime }). */
export const CRT: SourceFile = { name: '<crt>', text: CRT_SOURCE };
