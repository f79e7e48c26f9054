/**
 * The process headers: unistd.h, sys/wait.h, signal.h, sched.h, fcntl.h, pthread.h, sys/prctl.h.
 * Constants have Linux x86-64 values; struct sigaction has glibc's layout (handler at 0, mask at
 * 8, flags at 136, restorer at 144, 152 bytes), which the kernel model reads.
 */
import { GID_T, guarded, INTPTR_T, MODE_T, NULL_DEFINITION, OFF_T, PID_T, SIZE_T, SSIZE_T, UID_T, PERMISSION_BITS, USECONDS_T } from './common.ts';

const UNISTD_H = guarded('_UNISTD_H', `
${SIZE_T}${SSIZE_T}${PID_T}${UID_T}${GID_T}${OFF_T}${USECONDS_T}${INTPTR_T}${NULL_DEFINITION}
#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2
#define R_OK 4
#define W_OK 2
#define X_OK 1
#define F_OK 0
#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif

/* The environment of the process (set up by the lab's C runtime). */
extern char **environ;

pid_t fork(void);
pid_t vfork(void);
int execve(const char *__path, char *const __argv[], char *const __envp[]);
int execv(const char *__path, char *const __argv[]);
int execvp(const char *__file, char *const __argv[]);
int execl(const char *__path, const char *__arg, ...);
int execlp(const char *__file, const char *__arg, ...);
int execle(const char *__path, const char *__arg, ...);
void _exit(int __status);

pid_t getpid(void);
pid_t getppid(void);
/* the lab's /bin/ps: prints the process table (see vm/bin/programs.ts) */
int __lab_ps(int __argc, char **__argv);
pid_t gettid(void);
uid_t getuid(void);
int setpgid(pid_t __pid, pid_t __pgid);
pid_t getpgid(pid_t __pid);
pid_t getpgrp(void);
pid_t setsid(void);
pid_t getsid(pid_t __pid);

unsigned int sleep(unsigned int __seconds);
int usleep(useconds_t __useconds);
int pause(void);
unsigned int alarm(unsigned int __seconds);

int pipe(int __pipedes[2]);
int pipe2(int __pipedes[2], int __flags);
ssize_t read(int __fd, void *__buf, size_t __nbytes);
off_t lseek(int __fd, off_t __offset, int __whence);
int unlink(const char *__name);
int rmdir(const char *__path);
int access(const char *__name, int __type);
char *getcwd(char *__buf, size_t __size);
int chdir(const char *__path);
/* the runtime's hook for popen and system: posix_spawn of path with file actions (vm/libc/crt-files.ts) */
pid_t __lab_spawn(const char *__path, char *const __argv[], char *const __envp[], const int *__actions, int __nactions);
ssize_t write(int __fd, const void *__buf, size_t __n);
int close(int __fd);
int dup(int __fd);
int dup2(int __fd, int __fd2);
int dup3(int __fd, int __fd2, int __flags);
int isatty(int __fd);

int brk(void *__addr);
void *sbrk(intptr_t __delta);

/* the lab answers these sysconf names (others are not defined) */
#define _SC_CLK_TCK 2
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE _SC_PAGESIZE
long int sysconf(int __name);
int getpagesize(void);
`);

const SYS_WAIT_H = guarded('_SYS_WAIT_H', `
${PID_T}
#include <bits/waitstatus.h>
/* as glibc's: kill, signal, sigaction ... are declared with it */
#include <signal.h>

pid_t wait(int *__stat_loc);
pid_t waitpid(pid_t __pid, int *__stat_loc, int __options);
/* the lab reports a resource usage of all zeros (struct rusage is in <sys/resource.h>) */
struct rusage;
pid_t wait3(int *__stat_loc, int __options, struct rusage *__usage);
pid_t wait4(pid_t __pid, int *__stat_loc, int __options, struct rusage *__usage);
`);

/** Linux's signal numbers (x86-64). */
const SIGNALS: [string, number | string][] = [
  ['SIGHUP', 1], ['SIGINT', 2], ['SIGQUIT', 3], ['SIGILL', 4], ['SIGTRAP', 5], ['SIGABRT', 6],
  ['SIGIOT', 6], ['SIGBUS', 7], ['SIGFPE', 8], ['SIGKILL', 9], ['SIGUSR1', 10], ['SIGSEGV', 11],
  ['SIGUSR2', 12], ['SIGPIPE', 13], ['SIGALRM', 14], ['SIGTERM', 15], ['SIGSTKFLT', 16],
  ['SIGCHLD', 17], ['SIGCONT', 18], ['SIGSTOP', 19], ['SIGTSTP', 20], ['SIGTTIN', 21], ['SIGTTOU', 22],
  ['SIGURG', 23], ['SIGXCPU', 24], ['SIGXFSZ', 25], ['SIGVTALRM', 26], ['SIGPROF', 27],
  ['SIGWINCH', 28], ['SIGIO', 29], ['SIGPOLL', 'SIGIO'], ['SIGPWR', 30], ['SIGSYS', 31],
  ['SIGRTMIN', 34], ['SIGRTMAX', 64], ['NSIG', 65], ['_NSIG', 65],
];

const SIGNAL_H = guarded('_SIGNAL_H', `
${PID_T}${UID_T}
${SIGNALS.map(([name, value]) => `#define ${name} ${value}`).join('\n')}

typedef int sig_atomic_t;
typedef struct { unsigned long int __val[16]; } sigset_t;
typedef void (*__sighandler_t)(int);
typedef __sighandler_t sighandler_t;

#define SIG_ERR ((__sighandler_t) -1)
#define SIG_DFL ((__sighandler_t) 0)
#define SIG_IGN ((__sighandler_t) 1)

union sigval {
  int sival_int;
  void *sival_ptr;
};

/* 128 bytes as in glibc; the fields a handler reads are named with glibc's macros below. */
typedef struct {
  int si_signo;
  int si_errno;
  int si_code;
  int __pad0;
  union {
    int _pad[28];
    struct { pid_t si_pid; uid_t si_uid; } _kill;
    struct { pid_t si_pid; uid_t si_uid; int si_status; long int si_utime; long int si_stime; } _sigchld;
    struct { void *si_addr; } _sigfault;
    struct { pid_t si_pid; uid_t si_uid; union sigval si_sigval; } _rt;
  } _sifields;
} siginfo_t;
#define si_pid _sifields._kill.si_pid
#define si_uid _sifields._kill.si_uid
#define si_status _sifields._sigchld.si_status
#define si_utime _sifields._sigchld.si_utime
#define si_stime _sifields._sigchld.si_stime
#define si_addr _sifields._sigfault.si_addr
#define si_value _sifields._rt.si_sigval

/* si_code values */
#define SI_USER 0
#define SI_KERNEL 0x80
#define SI_QUEUE (-1)
#define SI_TKILL (-6)
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5
#define CLD_CONTINUED 6

struct sigaction {
  union {
    __sighandler_t sa_handler;
    void (*sa_sigaction)(int, siginfo_t *, void *);
  } __sigaction_handler;
  sigset_t sa_mask;
  int sa_flags;
  void (*sa_restorer)(void);
};
#define sa_handler __sigaction_handler.sa_handler
#define sa_sigaction __sigaction_handler.sa_sigaction

#define SA_NOCLDSTOP 1
#define SA_NOCLDWAIT 2
#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_INTERRUPT 0x20000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000
#define SA_NOMASK SA_NODEFER
#define SA_ONESHOT SA_RESETHAND
#define SA_STACK SA_ONSTACK

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

__sighandler_t signal(int __sig, __sighandler_t __handler);
int kill(pid_t __pid, int __sig);
void psignal(int __sig, const char *__s);
int killpg(pid_t __pgrp, int __sig);
int raise(int __sig);
int sigaction(int __sig, const struct sigaction *__act, struct sigaction *__oact);
int sigemptyset(sigset_t *__set);
int sigfillset(sigset_t *__set);
int sigaddset(sigset_t *__set, int __signo);
int sigdelset(sigset_t *__set, int __signo);
int sigismember(const sigset_t *__set, int __signo);
int sigprocmask(int __how, const sigset_t *__set, sigset_t *__oset);
int sigsuspend(const sigset_t *__set);
int sigpending(sigset_t *__set);
`);

/** Linux's clone flags (linux/sched.h). */
const CLONE_FLAGS: [string, string][] = [
  ['CSIGNAL', '0x000000ff'], ['CLONE_VM', '0x00000100'], ['CLONE_FS', '0x00000200'],
  ['CLONE_FILES', '0x00000400'], ['CLONE_SIGHAND', '0x00000800'], ['CLONE_PIDFD', '0x00001000'],
  ['CLONE_PTRACE', '0x00002000'], ['CLONE_VFORK', '0x00004000'], ['CLONE_PARENT', '0x00008000'],
  ['CLONE_THREAD', '0x00010000'], ['CLONE_NEWNS', '0x00020000'], ['CLONE_SYSVSEM', '0x00040000'],
  ['CLONE_SETTLS', '0x00080000'], ['CLONE_PARENT_SETTID', '0x00100000'],
  ['CLONE_CHILD_CLEARTID', '0x00200000'], ['CLONE_DETACHED', '0x00400000'],
  ['CLONE_UNTRACED', '0x00800000'], ['CLONE_CHILD_SETTID', '0x01000000'],
  ['CLONE_NEWCGROUP', '0x02000000'], ['CLONE_NEWUTS', '0x04000000'], ['CLONE_NEWIPC', '0x08000000'],
  ['CLONE_NEWUSER', '0x10000000'], ['CLONE_NEWPID', '0x20000000'], ['CLONE_NEWNET', '0x40000000'],
  ['CLONE_IO', '0x80000000'],
];

const SCHED_H = guarded('_SCHED_H', `
${PID_T}
${CLONE_FLAGS.map(([name, value]) => `#define ${name} ${value}`).join('\n')}

#define SCHED_OTHER 0
#define SCHED_FIFO 1
#define SCHED_RR 2

struct sched_param {
  int sched_priority;
};

int clone(int (*__fn)(void *), void *__stack, int __flags, void *__arg, ...);
int sched_yield(void);
`);

const FCNTL_H = guarded('_FCNTL_H', `
${MODE_T}${OFF_T}${PID_T}
#define O_ACCMODE 0003
#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#define O_CREAT 0100
#define O_EXCL 0200
#define O_NOCTTY 0400
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_NONBLOCK 04000
#define O_NDELAY O_NONBLOCK
#define O_DSYNC 010000
#define O_ASYNC 020000
#define O_DIRECTORY 0200000
#define O_NOFOLLOW 0400000
#define O_CLOEXEC 02000000
#define O_SYNC 04010000

#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC 1
#define AT_FDCWD (-100)

${PERMISSION_BITS}

#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif

int fcntl(int __fd, int __cmd, ...);
int open(const char *__file, int __oflag, ...);
int openat(int __fd, const char *__file, int __oflag, ...);
int creat(const char *__file, mode_t __mode);
`);

const PTHREAD_H = guarded('_PTHREAD_H', `
#include <sched.h>
#include <time.h>
#include <bits/pthreadtypes.h>

#define PTHREAD_MUTEX_INITIALIZER { { 0 } }
#define PTHREAD_CREATE_JOINABLE 0
#define PTHREAD_CREATE_DETACHED 1

int pthread_create(pthread_t *__newthread, const pthread_attr_t *__attr, void *(*__start_routine)(void *), void *__arg);
int pthread_join(pthread_t __th, void **__thread_return);
void pthread_exit(void *__retval);
pthread_t pthread_self(void);

int pthread_mutex_init(pthread_mutex_t *__mutex, const pthread_mutexattr_t *__mutexattr);
int pthread_mutex_destroy(pthread_mutex_t *__mutex);
int pthread_mutex_lock(pthread_mutex_t *__mutex);
int pthread_mutex_unlock(pthread_mutex_t *__mutex);

/* The runtime's hooks for threads: sleep while *uaddr == val; wake up to n sleepers on uaddr. */
int __lab_futex_wait(int *__uaddr, int __val);
/* the runtime's mappings for thread stacks: the address, or NULL */
void *__lab_mmap(size_t __length);
int __lab_munmap(void *__addr, size_t __length);
int __lab_futex_wake(int *__uaddr, int __n);
/* the lab's runtime hooks: end only the calling thread; set a word to 1 and return its old value
   in one step; return from a signal handler (the kernel restores the interrupted registers) */
void __lab_exit_thread(int __status);
int __lab_test_and_set(int *__word);
void __lab_sigreturn(void);
`);

const SYS_PRCTL_H = guarded('_SYS_PRCTL_H', `
#define PR_SET_PDEATHSIG 1
#define PR_GET_PDEATHSIG 2
#define PR_GET_DUMPABLE 3
#define PR_SET_DUMPABLE 4
#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define PR_SET_CHILD_SUBREAPER 36
#define PR_GET_CHILD_SUBREAPER 37

int prctl(int __option, ...);
`);

export const PROCESS_HEADERS: Record<string, string> = {
  'unistd.h': UNISTD_H,
  'sys/wait.h': SYS_WAIT_H,
  'signal.h': SIGNAL_H,
  'sched.h': SCHED_H,
  'fcntl.h': FCNTL_H,
  'pthread.h': PTHREAD_H,
  'sys/prctl.h': SYS_PRCTL_H,
};
