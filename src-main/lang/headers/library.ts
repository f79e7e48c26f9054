/**
 * The general library headers: stdlib.h, string.h, ctype.h, errno.h, time.h, and the private
 * bits/waitstatus.h (the wait status macros that stdlib.h and sys/wait.h both give, as glibc).
 */
import { CLOCK_T, guarded, NULL_DEFINITION, SIZE_T, TIME_T, typedefOnce } from './common.ts';

/** glibc's <bits/waitflags.h> and <bits/waitstatus.h>, with the public W* names. */
const BITS_WAITSTATUS_H = guarded('_BITS_WAITSTATUS_H', `
#define WNOHANG 1
#define WUNTRACED 2
#define WSTOPPED 2
#define WEXITED 4
#define WCONTINUED 8
#define WNOWAIT 0x01000000
#define __WNOTHREAD 0x20000000
#define __WALL 0x40000000
#define __WCLONE 0x80000000

#define WEXITSTATUS(status) (((status) & 0xff00) >> 8)
#define WTERMSIG(status) ((status) & 0x7f)
#define WSTOPSIG(status) WEXITSTATUS(status)
#define WIFEXITED(status) (WTERMSIG(status) == 0)
#define WIFSIGNALED(status) (((signed char) (((status) & 0x7f) + 1) >> 1) > 0)
#define WIFSTOPPED(status) (((status) & 0xff) == 0x7f)
#define WIFCONTINUED(status) ((status) == 0xffff)
#define WCOREDUMP(status) ((status) & 0x80)
#define W_EXITCODE(ret, sig) ((ret) << 8 | (sig))
#define W_STOPCODE(sig) ((sig) << 8 | 0x7f)
`);

const STDLIB_H = guarded('_STDLIB_H', `
${SIZE_T}${typedefOnce('wchar_t', 'int')}${NULL_DEFINITION}
#include <bits/waitstatus.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647

void *malloc(size_t __size);
void *calloc(size_t __nmemb, size_t __size);
void *realloc(void *__ptr, size_t __size);
void free(void *__ptr);

void exit(int __status);
void _Exit(int __status);
int atexit(void (*__func)(void));
void abort(void);

int atoi(const char *__nptr);
long int atol(const char *__nptr);
long long int atoll(const char *__nptr);
long int strtol(const char *__nptr, char **__endptr, int __base);
unsigned long int strtoul(const char *__nptr, char **__endptr, int __base);
long long int strtoll(const char *__nptr, char **__endptr, int __base);
unsigned long long int strtoull(const char *__nptr, char **__endptr, int __base);
double strtod(const char *__nptr, char **__endptr);
float strtof(const char *__nptr, char **__endptr);
double atof(const char *__nptr);

int abs(int __x);
long int labs(long int __x);
long long int llabs(long long int __x);

int rand(void);
void srand(unsigned int __seed);

char *getenv(const char *__name);
int setenv(const char *__name, const char *__value, int __replace);
int unsetenv(const char *__name);
int system(const char *__command);

void qsort(void *__base, size_t __nmemb, size_t __size, int (*__compar)(const void *, const void *));
void *bsearch(const void *__key, const void *__base, size_t __nmemb, size_t __size, int (*__compar)(const void *, const void *));

/* qsort's merge sort, done by the lab, which calls the comparator (vm/libc/qsort.ts). */
struct __lab_sort { double __private[206]; };
size_t __lab_sort_scratch(size_t __nmemb, size_t __size);
void __lab_sort_start(struct __lab_sort *__st, void *__base, size_t __nmemb, size_t __size, void *__tmp,
                      int (*__compar)(const void *, const void *));
void __lab_sort_run(int __result, struct __lab_sort *__st);

/* Memory on the caller's stack frame, released when the caller returns. */
void *alloca(size_t __size);
/* How the lab gives variable-length arrays their storage: the stack pointer, saved at the start
   of a block that declares one and restored at its end. */
void *__lab_stack_save(void);
void __lab_stack_restore(void *__sp);
`);

const STRING_H = guarded('_STRING_H', `
${SIZE_T}${NULL_DEFINITION}
void *memcpy(void *__dest, const void *__src, size_t __n);
void *memmove(void *__dest, const void *__src, size_t __n);
void *memset(void *__s, int __c, size_t __n);
int memcmp(const void *__s1, const void *__s2, size_t __n);
void *memchr(const void *__s, int __c, size_t __n);

char *strcpy(char *__dest, const char *__src);
char *strncpy(char *__dest, const char *__src, size_t __n);
char *strcat(char *__dest, const char *__src);
char *strncat(char *__dest, const char *__src, size_t __n);
int strcmp(const char *__s1, const char *__s2);
int strncmp(const char *__s1, const char *__s2, size_t __n);
char *strdup(const char *__s);
char *strndup(const char *__s, size_t __n);
char *strchr(const char *__s, int __c);
char *strrchr(const char *__s, int __c);
size_t strcspn(const char *__s, const char *__reject);
size_t strspn(const char *__s, const char *__accept);
char *strpbrk(const char *__s, const char *__accept);
char *strstr(const char *__haystack, const char *__needle);
char *strtok(char *__s, const char *__delim);
size_t strlen(const char *__s);
size_t strnlen(const char *__string, size_t __maxlen);
char *strerror(int __errnum);
char *strsep(char **__stringp, const char *__delim);
char *strsignal(int __sig);
#include <strings.h>
`);

const STRINGS_H = guarded('_STRINGS_H', `
${SIZE_T}
int strcasecmp(const char *__s1, const char *__s2);
int strncasecmp(const char *__s1, const char *__s2, size_t __n);
`);

const CTYPE_H = guarded('_CTYPE_H', `
int isalnum(int __c);
int isalpha(int __c);
int isdigit(int __c);
int islower(int __c);
int isprint(int __c);
int ispunct(int __c);
int isspace(int __c);
int isupper(int __c);
int isxdigit(int __c);
int tolower(int __c);
int toupper(int __c);
`);

/** Linux's errno values (asm-generic/errno-base.h and errno.h). */
const ERRNO_VALUES: [string, number | string][] = [
  ['EPERM', 1], ['ENOENT', 2], ['ESRCH', 3], ['EINTR', 4], ['EIO', 5], ['ENXIO', 6], ['E2BIG', 7],
  ['ENOEXEC', 8], ['EBADF', 9], ['ECHILD', 10], ['EAGAIN', 11], ['ENOMEM', 12], ['EACCES', 13],
  ['EFAULT', 14], ['ENOTBLK', 15], ['EBUSY', 16], ['EEXIST', 17], ['EXDEV', 18], ['ENODEV', 19],
  ['ENOTDIR', 20], ['EISDIR', 21], ['EINVAL', 22], ['ENFILE', 23], ['EMFILE', 24], ['ENOTTY', 25],
  ['ETXTBSY', 26], ['EFBIG', 27], ['ENOSPC', 28], ['ESPIPE', 29], ['EROFS', 30], ['EMLINK', 31],
  ['EPIPE', 32], ['EDOM', 33], ['ERANGE', 34], ['EDEADLK', 35], ['ENAMETOOLONG', 36], ['ENOLCK', 37],
  ['ENOSYS', 38], ['ENOTEMPTY', 39], ['ELOOP', 40], ['EWOULDBLOCK', 'EAGAIN'], ['ENOMSG', 42],
  ['EIDRM', 43], ['EDEADLOCK', 'EDEADLK'], ['ENOSTR', 60], ['ENODATA', 61], ['ETIME', 62],
  ['ENOSR', 63], ['ENOLINK', 67], ['EPROTO', 71], ['EBADMSG', 74], ['EOVERFLOW', 75], ['EILSEQ', 84],
  ['EUSERS', 87], ['ENOTSOCK', 88], ['EDESTADDRREQ', 89], ['EMSGSIZE', 90], ['EPROTOTYPE', 91],
  ['ENOPROTOOPT', 92], ['EPROTONOSUPPORT', 93], ['EOPNOTSUPP', 95], ['ENOTSUP', 'EOPNOTSUPP'],
  ['EAFNOSUPPORT', 97], ['EADDRINUSE', 98], ['EADDRNOTAVAIL', 99], ['ENETDOWN', 100],
  ['ENETUNREACH', 101], ['ECONNABORTED', 103], ['ECONNRESET', 104], ['ENOBUFS', 105], ['EISCONN', 106],
  ['ENOTCONN', 107], ['ETIMEDOUT', 110], ['ECONNREFUSED', 111], ['EHOSTUNREACH', 113], ['EALREADY', 114],
  ['EINPROGRESS', 115], ['ESTALE', 116], ['EDQUOT', 122], ['ECANCELED', 125], ['EOWNERDEAD', 130],
  ['ENOTRECOVERABLE', 131],
];

const ERRNO_H = guarded('_ERRNO_H', `
${ERRNO_VALUES.map(([name, value]) => `#define ${name} ${value}`).join('\n')}

/* A plain variable of each process, defined by the lab's C runtime. */
extern int errno;

#ifdef _GNU_SOURCE
extern char *program_invocation_name;
extern char *program_invocation_short_name;
#endif
`);

const TIME_H = guarded('_TIME_H', `
${SIZE_T}${TIME_T}${CLOCK_T}${NULL_DEFINITION}
#define CLOCKS_PER_SEC ((clock_t) 1000000)

struct timespec {
  time_t tv_sec;
  long int tv_nsec;
};

time_t time(time_t *__timer);
int nanosleep(const struct timespec *__requested_time, struct timespec *__remaining);
`);

export const LIBRARY_HEADERS: Record<string, string> = {
  'bits/waitstatus.h': BITS_WAITSTATUS_H,
  'stdlib.h': STDLIB_H,
  'string.h': STRING_H,
  'strings.h': STRINGS_H,
  'ctype.h': CTYPE_H,
  'errno.h': ERRNO_H,
  'time.h': TIME_H,
};
