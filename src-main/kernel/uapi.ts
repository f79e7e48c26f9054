/**
 * The numbers a program and the kernel agree on (Linux's include/uapi and glibc's bits/*), with
 * Linux x86-64 values: errno codes, signal numbers, and the flags and commands of the system
 * calls. Kernel and VM code name them from here instead of writing raw numbers; the C headers
 * (src-main/lang/headers) define the same values for programs, which a test checks
 * (tests/kernel/uapi.test.ts).
 */

// ---------------------------------------------------------------- errno (asm-generic/errno-base.h)
export const EPERM = 1;
export const ENOENT = 2;
export const ESRCH = 3;
export const EINTR = 4;
export const EIO = 5;
export const E2BIG = 7;
export const ENOEXEC = 8;
export const EBADF = 9;
export const ECHILD = 10;
export const EAGAIN = 11;
export const ENOMEM = 12;
export const EACCES = 13;
export const EFAULT = 14;
export const EBUSY = 16;
export const EEXIST = 17;
export const EXDEV = 18;
export const ENODEV = 19;
export const ENOTDIR = 20;
export const EISDIR = 21;
export const EINVAL = 22;
export const ENFILE = 23;
export const EMFILE = 24;
export const ENOTTY = 25;
export const EFBIG = 27;
export const ENOSPC = 28;
export const ESPIPE = 29;
export const EROFS = 30;
export const EPIPE = 32;
export const ERANGE = 34;
export const ENAMETOOLONG = 36;
export const ENOSYS = 38;
export const ENOTEMPTY = 39;
export const ELOOP = 40;

/** errno names the kernel reports by name (exec's failures, the trace), to their numbers. */
export const ERRNO_BY_NAME = {
  EPERM, ENOENT, ESRCH, EINTR, EIO, E2BIG, ENOEXEC, EBADF, ECHILD, EAGAIN, ENOMEM, EACCES, EFAULT,
  EBUSY, EEXIST, EXDEV, ENODEV, ENOTDIR, EISDIR, EINVAL, ENFILE, EMFILE, ENOTTY, EFBIG, ENOSPC, ESPIPE,
  EROFS, EPIPE, ERANGE, ENAMETOOLONG, ENOSYS, ENOTEMPTY, ELOOP,
} as const;
export type ErrnoName = keyof typeof ERRNO_BY_NAME;

/** The name of an errno number the kernel names ('ENOMEM'), or null. */
export function errnoName(errno: number): ErrnoName | null {
  for (const [name, value] of Object.entries(ERRNO_BY_NAME)) if (value === errno) return name as ErrnoName;
  return null;
}

// ---------------------------------------------------------------- signals (asm/signal.h)
export const SIGHUP = 1;
export const SIGINT = 2;
export const SIGQUIT = 3;
export const SIGILL = 4;
export const SIGTRAP = 5;
export const SIGABRT = 6;
export const SIGBUS = 7;
export const SIGFPE = 8;
export const SIGKILL = 9;
export const SIGUSR1 = 10;
export const SIGSEGV = 11;
export const SIGUSR2 = 12;
export const SIGPIPE = 13;
export const SIGALRM = 14;
export const SIGTERM = 15;
export const SIGSTKFLT = 16;
export const SIGCHLD = 17;
export const SIGCONT = 18;
export const SIGSTOP = 19;
export const SIGTSTP = 20;
export const SIGTTIN = 21;
export const SIGTTOU = 22;
export const SIGURG = 23;
export const SIGXCPU = 24;
export const SIGXFSZ = 25;
export const SIGWINCH = 28;
export const SIGSYS = 31;
/** signals are 1 .. NSIG - 1 */
export const NSIG = 65;

export const SIG_DFL = 0;
export const SIG_IGN = 1;
/** what signal() returns on failure: (sighandler_t) -1 */
export const SIG_ERR = -1;

export const SA_NOCLDSTOP = 1;
export const SA_NOCLDWAIT = 2;
export const SA_SIGINFO = 4;
export const SA_RESTART = 0x10000000;
export const SA_NODEFER = 0x40000000;
export const SA_RESETHAND = 0x80000000;

export const SIG_BLOCK = 0;
export const SIG_UNBLOCK = 1;
export const SIG_SETMASK = 2;

// ---------------------------------------------------------------- clone (linux/sched.h)
export const CSIGNAL = 0xff;
export const CLONE_VM = 0x100;
export const CLONE_FS = 0x200;
export const CLONE_FILES = 0x400;
export const CLONE_SIGHAND = 0x800;
export const CLONE_PTRACE = 0x2000;
export const CLONE_VFORK = 0x4000;
export const CLONE_PARENT = 0x8000;
export const CLONE_THREAD = 0x10000;
export const CLONE_NEWNS = 0x20000;
export const CLONE_SYSVSEM = 0x40000;
export const CLONE_SETTLS = 0x80000;
export const CLONE_PARENT_SETTID = 0x100000;
export const CLONE_CHILD_CLEARTID = 0x200000;
export const CLONE_DETACHED = 0x400000;
export const CLONE_UNTRACED = 0x800000;
export const CLONE_CHILD_SETTID = 0x1000000;

// ---------------------------------------------------------------- wait (bits/waitflags.h)
export const WNOHANG = 1;
export const WUNTRACED = 2;
export const WCONTINUED = 8;

// ---------------------------------------------------------------- files (asm-generic/fcntl.h)
export const O_ACCMODE = 0o3;
export const O_RDONLY = 0o0;
export const O_WRONLY = 0o1;
export const O_RDWR = 0o2;
export const O_CREAT = 0o100;
export const O_EXCL = 0o200;
export const O_NOCTTY = 0o400;
export const O_TRUNC = 0o1000;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;
export const O_DIRECTORY = 0o200000;
export const O_NOFOLLOW = 0o400000;
export const O_CLOEXEC = 0o2000000;

export const F_DUPFD = 0;
export const F_GETFD = 1;
export const F_SETFD = 2;
export const F_GETFL = 3;
export const F_SETFL = 4;
export const F_DUPFD_CLOEXEC = 1030;
export const FD_CLOEXEC = 1;
export const AT_FDCWD = -100;

/** st_mode's file type bits (sys/stat.h) */
export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFCHR = 0o020000;
export const S_IFIFO = 0o010000;

/** access(2)'s modes */
export const F_OK = 0;
export const X_OK = 1;
export const W_OK = 2;
export const R_OK = 4;

export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;

// ---------------------------------------------------------------- memory mappings (asm-generic/mman-common.h)
export const PROT_NONE = 0;
export const PROT_READ = 1;
export const PROT_WRITE = 2;
export const PROT_EXEC = 4;
export const MAP_SHARED = 0x01;
export const MAP_PRIVATE = 0x02;
export const MAP_SHARED_VALIDATE = 0x03;
export const MAP_TYPE = 0x0f;
export const MAP_FIXED = 0x10;
export const MAP_ANONYMOUS = 0x20;

// ---------------------------------------------------------------- prctl (linux/prctl.h)
export const PR_SET_NAME = 15;
export const PR_GET_NAME = 16;
export const PR_SET_CHILD_SUBREAPER = 36;
export const PR_GET_CHILD_SUBREAPER = 37;

// ---------------------------------------------------------------- resource limits (sys/resource.h)
export const RLIMIT_CORE = 4;
export const RLIMIT_NPROC = 6;
export const RLIMIT_NOFILE = 7;
export const RLIM_INFINITY = 2n ** 64n - 1n;
