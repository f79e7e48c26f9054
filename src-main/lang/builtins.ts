/**
 * Library functions and system calls that the VM and the kernel implement natively.
 *
 * The headers (headers.ts) declare them with their real C prototypes. A function that a program
 * declares and calls but that no translation unit defines is looked up here by name and compiled
 * to CALL_BUILTIN with its index as the id; a name that is neither defined nor listed here is a
 * link error ("undefined reference to `foo'"), as with ld.
 *
 * Functions that must call back into C (exit runs atexit handlers, pthread_create starts a
 * function) are written in C in the runtime (vm/libc/crt.ts),
 * which is compiled as one more translation unit and linked with the program. Their prototypes
 * are in the headers too, but they are not listed here.
 *
 * The order of this list is the builtin id: append, never reorder (saved traces name ids).
 */
export const BUILTIN_NAMES = [
  // stdio (FILE state lives in process memory; see vm/libc/stdio.ts)
  'printf', 'fprintf', 'sprintf', 'snprintf', 'dprintf',
  'puts', 'putchar', 'fputs', 'fputc', 'putc', 'fflush', 'setvbuf', 'setbuf', 'perror',
  'getchar', 'fgets', 'fgetc', 'getc', 'fwrite',
  // stdlib
  'abort', 'atoi', 'atol', 'atoll', 'strtol', 'strtoul', 'strtoll', 'strtoull', 'abs', 'labs', 'llabs',
  'rand', 'srand', 'getenv', 'setenv', 'unsetenv', 'system',
  // string, ctype
  'strlen', 'strcpy', 'strncpy', 'strcat', 'strncat', 'strcmp', 'strncmp', 'strchr', 'strrchr',
  'strstr', 'memset', 'memcpy', 'memmove', 'memcmp', 'strerror', 'strnlen', 'memchr', 'strspn', 'strcspn', 'strpbrk',
  'isdigit', 'isalpha', 'isalnum', 'isspace', 'isupper', 'islower', 'ispunct', 'isprint', 'isxdigit',
  'toupper', 'tolower',
  // processes
  'fork', 'vfork', 'clone', 'execve', 'execl', 'execlp', 'execle', 'execv', 'execvp',
  '_exit', '_Exit', 'getpid', 'getppid', 'gettid', 'getuid', 'wait', 'waitpid', 'prctl', 'sched_yield',
  // time
  'sleep', 'usleep', 'pause', 'alarm', 'time', 'nanosleep',
  // descriptors
  'pipe', 'read', 'write', 'close', 'dup', 'dup2', 'fcntl', 'isatty', 'open',
  // signals
  'kill', 'raise', 'signal', 'sigaction', 'sigemptyset', 'sigfillset', 'sigaddset', 'sigdelset',
  'sigismember', 'sigprocmask',
  // memory
  'brk', 'sbrk',
  // the runtime's own hooks (called from crt.ts, not by students)
  '__lab_flush_all', '__lab_futex_wait', '__lab_futex_wake', '__lab_assert_fail',
  // appended later (ids are stable)
  '__lab_sigreturn', '__lab_exit_thread', '__lab_test_and_set', '__lab_ps',
  // stdarg.h's printf family
  'vprintf', 'vfprintf', 'vsprintf', 'vsnprintf', 'vdprintf',
  // the stack of variable-length arrays: alloca, and the stack pointer saved and restored by blocks
  'alloca', '__lab_stack_save', '__lab_stack_restore',
  // qsort's merge sort, driven by a loop in crt.ts that calls the comparator
  '__lab_sort_scratch', '__lab_sort_start', '__lab_sort_run',
  // resource limits
  'getrlimit', 'setrlimit',
  // the scanf family, and strtod
  'scanf', 'fscanf', 'sscanf', 'vscanf', 'vfscanf', 'vsscanf', 'strtod', 'strtof', 'atof',
  // math.h (computed as glibc does: vm/libc/math)
  'sqrt', 'fabs', 'floor', 'ceil', 'trunc', 'round', 'fmod', 'fmin', 'fmax', 'exp', 'log', 'pow', 'sin', 'cos',
  'sqrtf', 'fabsf', 'floorf', 'ceilf', 'truncf', 'roundf', 'fmodf', '__lab_fpclassify', '__lab_signbit', '__lab_isinf',
  // files (open is above)
  'openat', 'creat', 'lseek', 'unlink', 'stat', 'fstat', 'lstat', 'access', 'getcwd', 'chdir',
  'mkdir', 'rmdir', '__lab_readdir', '__lab_spawn',
  // glibc's malloc (vm/libc/malloc), its state in the runtime's __lab_malloc_state
  'malloc', 'free', 'calloc', 'realloc',
  // private anonymous mappings for the runtime (thread stacks)
  '__lab_mmap', '__lab_munmap',
  // sys/mman.h: anonymous mappings, private or shared between processes
  'mmap', 'munmap', 'mprotect',
  // unistd.h's answers from the auxiliary vector
  'getpagesize', 'sysconf',
  // signal.h: waiting for a signal with a mask, and the signals held back
  'sigsuspend', 'sigpending',
  // process groups and sessions
  'setpgid', 'getpgid', 'getpgrp', 'setsid', 'getsid', 'killpg',
  // small library functions: strings.h, strsep, signal descriptions, getline and fread's hook
  'strcasecmp', 'strncasecmp', 'strsep', 'strsignal', 'psignal', '__lab_stream_chunk',
  // descriptors with flags
  'pipe2', 'dup3',
  // waits that also report the child's resource usage
  'wait3', 'wait4',
] as const;

export type BuiltinName = (typeof BUILTIN_NAMES)[number];

const ids = new Map<string, number>(BUILTIN_NAMES.map((n, i) => [n, i]));

/** The builtin id of a function name, or -1 when the VM does not implement it natively. */
export function builtinId(name: string): number {
  return ids.get(name) ?? -1;
}
