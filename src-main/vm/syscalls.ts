/**
 * The system calls a program makes, as library functions: one table, SYSCALLS, declares each
 * call once — the C function, the Linux system call it makes, its name in the trace, whether it
 * returns, how the schedule explorer treats it, and its handler. A handler only moves
 * arguments: it reads them (and the structs they point to) from the call, asks the kernel's
 * sys* function, which applies the kernel's rules and returns a value or -errno, and writes the
 * results back; a negative result becomes -1 with errno, as glibc's wrappers do.
 */
import type { Machine } from './machine.ts';
import { BLOCK, NORETURN, native, type NativeCall, type NativeResult, type NativeTable, type ReturnKind } from './libc/native.ts';
import type { BuiltinName } from '../lang/builtins.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { SigAction, Task } from '../kernel/task.ts';
import { BLOCKED } from '../kernel/task.ts';
import { exitedStatus } from '../kernel/signals.ts';
import {
  AT_FDCWD, CLONE_VFORK, CLONE_VM, EBADF, EFAULT, ERANGE, EINVAL, ENOENT, ENOMEM, NSIG, PR_GET_CHILD_SUBREAPER, PR_GET_NAME,
  PR_SET_NAME, RLIM_INFINITY, SIG_ERR, SIGCHLD,
} from '../kernel/uapi.ts';
import {
  sysClose, sysDup, sysDup2, sysDup3, sysFcntl, sysFstat, sysIsatty, sysLseek, sysPipe, sysRead, sysWrite, type Kstat,
} from '../kernel/fs.ts';
import {
  sysAccess, sysChdir, sysCreat, sysGetcwd, sysMkdir, sysOpenat, sysReaddir, sysRmdir, sysStat, sysUnlink,
  type Dirent,
} from '../kernel/open.ts';
import { doWait } from '../kernel/wait.ts';
import {
  forceAbort, sigreturn, sysKill, sysPause, sysSigaction, sysSignal, sysSigpending, sysSigprocmask, sysSigsuspend,
} from '../kernel/signal.ts';
import { kernelClone } from '../kernel/fork.ts';
import { doExecve } from '../kernel/exec.ts';
import { doSpawn, type SpawnAction } from '../kernel/spawn.ts';
import { doExit, doGroupExit } from '../kernel/exit.ts';
import { futexWait, futexWake } from '../kernel/futex.ts';
import { sysAlarm, sysNanosleep, sysTime, sysTimeAt } from '../kernel/time.ts';
import {
  TASK_COMM_LEN, sysBrk, sysGetpid, sysGetppid, sysGetrlimit, sysGettid, sysGetuid, sysPrctl, sysSetrlimit,
} from '../kernel/sys.ts';
import { psOutput } from '../kernel/ps.ts';
import { sysMmap, sysMprotect, sysMunmap, type MmapUnsupported } from '../kernel/mman.ts';
import { sysGetpgid, sysGetsid, sysSetpgid, sysSetsid } from '../kernel/pgrp.ts';
import { UnsupportedFunction } from './unsupported.ts';
import { Fault } from '../kernel/mmu.ts';
import { unflushedBytes } from './libc/stdio.ts';
import { libcMalloc } from './libc/malloc/allocate.ts';
import { heapOf } from './libc/malloc/natives.ts';

/**
 * How the schedule explorer (src-main/explore) treats a call, by what the call can see or change
 * of other processes:
 *   local   only the caller's own process (its memory, limits, break, clock reading)
 *   pid     local, but returns a pid: a program that prints it depends on pid numbering
 *   parent  reads who the caller's parent is (getppid)
 *   output  writes to a descriptor (a pipe's reader or the terminal sees it)
 *   input   reads from a descriptor (pipe or terminal input)
 *   files   changes the descriptor table (pipe ends opened, duplicated, closed)
 *   wait    looks at the caller's children (wait, waitpid)
 *   fork    makes a process (pid numbering, RLIMIT_NPROC)
 *   exec    replaces the program (closes close-on-exec descriptors, wakes a vfork parent)
 *   exit    ends the caller (its parent, children and pipes see it)
 *   signal  changes the caller's own signal state (dispositions, mask, alarm, raise)
 *   kill    sends a signal to other processes
 *   sync    memory shared between tasks (futexes, the mutex's test-and-set)
 *   sched   a scheduling point with no data (sched_yield, sleep)
 *   ps      reads the whole process table
 *   group   reads or changes process groups and sessions (its own or a child's)
 */
export type ExploreClass =
  | 'local' | 'pid' | 'parent' | 'output' | 'input' | 'files' | 'wait' | 'fork' | 'exec' | 'exit'
  | 'signal' | 'kill' | 'sync' | 'sched' | 'ps' | 'group';

/** What a handler works with: the machine (its kernel) and the calling task. */
type Handler = (m: Machine, c: NativeCall, task: Task) => NativeResult;

export interface Syscall {
  /** the C function a program calls (a builtin of lang/builtins.ts) */
  name: BuiltinName;
  /** the Linux x86-64 system call it makes (null: a hook of the lab's runtime with no Linux counterpart) */
  nr: number | null;
  /** the name in the trace's `syscall` events, or null for a hook that is not traced */
  trace: string | null;
  /** true when it does not return to the caller on success (traced before it runs) */
  noReturn: boolean;
  explore: ExploreClass;
  /** the argument that is a path (the trace shows it as a string), or null */
  pathArg: number | null;
  /** the C return type */
  ret: ReturnKind;
  handler: Handler;
}

/** Declares a traced system call under its own name. */
function sys(name: BuiltinName, nr: number | null, ret: ReturnKind, explore: ExploreClass, handler: Handler, trace: string | null = name): Syscall {
  return { name, nr, trace, noReturn: false, explore, pathArg: null, ret, handler };
}

/** Declares a traced system call whose argument `pathArg` is a path. */
function pathCall(name: BuiltinName, nr: number, pathArg: number, ret: ReturnKind, handler: Handler): Syscall {
  return { ...sys(name, nr, ret, 'files', handler), pathArg };
}

/** Declares an exec: its path (argument 0) is traced as a string. */
function execCall(name: BuiltinName, nr: number, ret: ReturnKind, explore: ExploreClass, handler: Handler, trace: string = name): Syscall {
  return { ...sys(name, nr, ret, explore, handler, trace), pathArg: 0 };
}

/** Declares a call that does not return when it succeeds. */
function noReturn(name: BuiltinName, nr: number, explore: ExploreClass, handler: Handler, trace: string = name): Syscall {
  return { name, nr, trace, noReturn: true, explore, pathArg: null, ret: 'void', handler };
}

/** glibc's convention: a negative kernel result becomes -1 and errno. */
function sysResult(call: NativeCall, r: number): number {
  if (r < 0) {
    call.setErrno(-r);
    return -1;
  }
  return r;
}

/** A kernel result that may be BLOCKED (the task sleeps; the VM repeats the call when it wakes). */
function blockingResult(call: NativeCall, r: number | typeof BLOCKED): NativeResult {
  return r === BLOCKED ? BLOCK : sysResult(call, r);
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Linux x86-64 system call numbers (asm/unistd_64.h) of the calls below. */
const NR = {
  read: 0, write: 1, close: 3, ioctl: 16, pipe: 22, sched_yield: 24, dup: 32, dup2: 33, pause: 34,
  nanosleep: 35, alarm: 37, getpid: 39, clone: 56, fork: 57, vfork: 58, execve: 59, exit: 60,
  wait4: 61, kill: 62, fcntl: 72, getuid: 102, getppid: 110, prctl: 157, gettid: 186, time: 201,
  futex: 202, exit_group: 231, tgkill: 234, brk: 12, rt_sigaction: 13, rt_sigprocmask: 14,
  rt_sigreturn: 15, getrlimit: 97, setrlimit: 160, open: 2, stat: 4, fstat: 5, lstat: 6, lseek: 8,
  access: 21, getcwd: 79, chdir: 80, mkdir: 83, rmdir: 84, creat: 85, unlink: 87, getdents64: 217,
  openat: 257, mmap: 9, mprotect: 10, munmap: 11, rt_sigpending: 127, rt_sigsuspend: 130,
  setpgid: 109, getpgrp: 111, setsid: 112, getpgid: 121, getsid: 124, dup3: 292, pipe2: 293,
} as const;

/** Every system call of the lab, each declared once. */
export const SYSCALLS: readonly Syscall[] = [
  // ---- processes
  noReturn('_exit', NR.exit_group, 'exit', (m, c, t) => groupExit(m.kernel, t, c.i32(0))),
  noReturn('_Exit', NR.exit_group, 'exit', (m, c, t) => groupExit(m.kernel, t, c.i32(0))),
  noReturn('__lab_exit_thread', NR.exit, 'exit', (m, c, t) => {
    doExit(m.kernel, t, exitedStatus(c.i32(0)));
    return NORETURN;
  }, 'exit'),
  sys('fork', NR.fork, 'i32', 'fork', (m, c, t) => clone(m, c, t, SIGCHLD)),
  sys('vfork', NR.vfork, 'i32', 'fork', (m, c, t) => clone(m, c, t, CLONE_VM | CLONE_VFORK | SIGCHLD)),
  sys('clone', NR.clone, 'i32', 'fork', (m, c, t) => {
    const fn = c.ptr(0);
    const stack = c.ptr(1);
    if (!fn || !stack) return sysResult(c, -EINVAL);
    return clone(m, c, t, c.i32(2), stack, fn, c.ptr(3), c.nargs > 4 ? c.ptr(4) : 0, c.nargs > 6 ? c.ptr(6) : 0);
  }),
  execCall('execve', NR.execve, 'i32', 'exec', (m, c, t) => exec(m, c, t, cString(c, 0), stringArray(c, c.ptr(1)), stringArray(c, c.ptr(2)))),
  execCall('execv', NR.execve, 'i32', 'exec', (m, c, t) => exec(m, c, t, cString(c, 0), stringArray(c, c.ptr(1)), environment(c))),
  execCall('execvp', NR.execve, 'i32', 'exec', (m, c, t) => execSearch(m, c, t, cString(c, 0), stringArray(c, c.ptr(1)), environment(c))),
  execCall('execl', NR.execve, 'i32', 'exec', (m, c, t) => exec(m, c, t, cString(c, 0), argList(c, 1).args, environment(c))),
  execCall('execlp', NR.execve, 'i32', 'exec', (m, c, t) => execSearch(m, c, t, cString(c, 0), argList(c, 1).args, environment(c))),
  execCall('execle', NR.execve, 'i32', 'exec', (m, c, t) => {
    const { args, after } = argList(c, 1);
    return exec(m, c, t, cString(c, 0), args, stringArray(c, c.ptr(after)));
  }),
  execCall('__lab_spawn', NR.clone, 'i32', 'fork', (m, c, t) => {
    const actions: SpawnAction[] = [];
    const base = c.ptr(3);
    for (let i = 0; i < c.i32(4); i++) {
      const [op, fd, to] = [0, 1, 2].map((j) => c.mem.i32(base + 12 * i + 4 * j));
      actions.push(op === 1 ? { op: 'dup2', fd, to } : { op: 'close', fd });
    }
    const r = doSpawn(m.kernel, t, cString(c, 0), stringArray(c, c.ptr(1)), stringArray(c, c.ptr(2)), actions, c.nargs);
    return sysResult(c, r);
  }, 'posix_spawn'),
  sys('wait', NR.wait4, 'i32', 'wait', (m, c, t) => wait(m, c, t, 'wait', -1, 0, c.ptr(0))),
  sys('waitpid', NR.wait4, 'i32', 'wait', (m, c, t) => wait(m, c, t, 'waitpid', c.i32(0), c.i32(2), c.ptr(1))),
  sys('wait3', NR.wait4, 'i32', 'wait', (m, c, t) => withRusage(c, c.ptr(2), wait(m, c, t, 'wait3', -1, c.i32(1), c.ptr(0)))),
  sys('wait4', NR.wait4, 'i32', 'wait', (m, c, t) => withRusage(c, c.ptr(3), wait(m, c, t, 'wait4', c.i32(0), c.i32(2), c.ptr(1)))),
  sys('getpid', NR.getpid, 'i32', 'pid', (_m, _c, t) => sysGetpid(t)),
  sys('gettid', NR.gettid, 'i32', 'pid', (_m, _c, t) => sysGettid(t)),
  sys('getppid', NR.getppid, 'i32', 'parent', (_m, _c, t) => sysGetppid(t)),
  sys('getuid', NR.getuid, 'i32', 'local', () => sysGetuid()),
  sys('setpgid', NR.setpgid, 'i32', 'group', (m, c, t) => sysResult(c, sysSetpgid(m.kernel, t, c.i32(0), c.i32(1)))),
  sys('getpgid', NR.getpgid, 'i32', 'group', (m, c, t) => sysResult(c, sysGetpgid(m.kernel, t, c.i32(0)))),
  sys('getpgrp', NR.getpgrp, 'i32', 'group', (m, _c, t) => sysGetpgid(m.kernel, t, 0)),
  sys('setsid', NR.setsid, 'i32', 'group', (m, c, t) => sysResult(c, sysSetsid(m.kernel, t))),
  sys('getsid', NR.getsid, 'i32', 'group', (m, c, t) => sysResult(c, sysGetsid(m.kernel, t, c.i32(0)))),
  sys('prctl', NR.prctl, 'i32', 'local', (m, c, t) => prctl(m.kernel, c, t)),
  sys('getrlimit', NR.getrlimit, 'i32', 'local', (_m, c, t) => {
    const r = sysGetrlimit(t, c.i32(0));
    if (typeof r === 'number') return sysResult(c, r);
    if (!c.ptr(1)) return sysResult(c, -EFAULT);
    c.mem.setI64(c.ptr(1), rlimToUser(r.cur));
    c.mem.setI64(c.ptr(1) + 8, rlimToUser(r.max));
    return 0;
  }),
  sys('setrlimit', NR.setrlimit, 'i32', 'local', (_m, c, t) => {
    if (!c.ptr(1)) return sysResult(c, -EFAULT);
    const limit = { cur: rlimFromUser(c.mem.i64(c.ptr(1))), max: rlimFromUser(c.mem.i64(c.ptr(1) + 8)) };
    return sysResult(c, sysSetrlimit(t, c.i32(0), limit));
  }),
  sys('sched_yield', NR.sched_yield, 'i32', 'sched', (m) => {
    m.kernel.needResched = true;
    return 0;
  }),
  // ---- descriptors
  sys('write', NR.write, 'i64', 'output', (m, c, t) => {
    // EBADF before any look at the buffer, as fdget comes before copy_from_user
    if (!t.files.get(c.i32(0))) return sysResult(c, -EBADF);
    const bytes = userBuffer(c, c.ptr(1), c.size(2));
    if (typeof bytes === 'number') return sysResult(c, bytes);
    return blockingResult(c, sysWrite(m.kernel, t, c.i32(0), bytes, true));
  }),
  sys('read', NR.read, 'i64', 'input', (m, c, t) => {
    if (!t.files.get(c.i32(0))) return sysResult(c, -EBADF);
    const r = sysRead(m.kernel, t, c.i32(0), Math.min(c.size(2), MAX_RW_COUNT));
    if (r === BLOCKED) return BLOCK;
    if (typeof r === 'number') return sysResult(c, r);
    c.mem.write(c.ptr(1), r);
    return r.length;
  }),
  sys('pipe', NR.pipe, 'i32', 'files', (m, c, t) => {
    const fds = c.ptr(0);
    if (!fds) return sysResult(c, -EFAULT);
    const r = sysPipe(m.kernel, t, 0);
    if (typeof r === 'number') return sysResult(c, r);
    c.mem.setI32(fds, r[0]);
    c.mem.setI32(fds + 4, r[1]);
    return 0;
  }),
  sys('pipe2', NR.pipe2, 'i32', 'files', (m, c, t) => {
    const fds = c.ptr(0);
    if (!fds) return sysResult(c, -EFAULT);
    const r = sysPipe(m.kernel, t, c.i32(1));
    if (typeof r === 'number') return sysResult(c, r);
    c.mem.setI32(fds, r[0]);
    c.mem.setI32(fds + 4, r[1]);
    return 0;
  }),
  sys('dup', NR.dup, 'i32', 'files', (m, c, t) => sysResult(c, sysDup(m.kernel, t, c.i32(0)))),
  sys('dup3', NR.dup3, 'i32', 'files', (m, c, t) => sysResult(c, sysDup3(m.kernel, t, c.i32(0), c.i32(1), c.i32(2)))),
  sys('dup2', NR.dup2, 'i32', 'files', (m, c, t) => sysResult(c, sysDup2(m.kernel, t, c.i32(0), c.i32(1)))),
  sys('fcntl', NR.fcntl, 'i32', 'files', (m, c, t) => sysResult(c, sysFcntl(m.kernel, t, c.i32(0), c.i32(1), c.nargs > 2 ? c.i32(2) : 0))),
  sys('close', NR.close, 'i32', 'files', (m, c, t) => sysResult(c, sysClose(m.kernel, t, c.i32(0)))),
  sys('isatty', NR.ioctl, 'i32', 'local', (_m, c, t) => {
    // glibc's isatty: 1, or 0 with errno (ENOTTY, EBADF)
    const r = sysIsatty(t, c.i32(0));
    if (r >= 0) return 1;
    c.setErrno(-r);
    return 0;
  }),
  sys('lseek', NR.lseek, 'i64', 'files', (m, c, t) => sysResult(c, sysLseek(m.kernel, t, c.i32(0), c.long(1), c.i32(2)))),
  sys('fstat', NR.fstat, 'i32', 'files', (_m, c, t) => statResult(c, sysFstat(t, c.i32(0)), c.ptr(1))),
  // ---- files by path
  pathCall('open', NR.open, 0, 'i32', (m, c, t) => sysResult(c, sysOpenat(m.kernel, t, AT_FDCWD, cString(c, 0), c.i32(1), c.nargs > 2 ? c.u32(2) : 0))),
  pathCall('openat', NR.openat, 1, 'i32', (m, c, t) => sysResult(c, sysOpenat(m.kernel, t, c.i32(0), cString(c, 1), c.i32(2), c.nargs > 3 ? c.u32(3) : 0))),
  pathCall('creat', NR.creat, 0, 'i32', (m, c, t) => sysResult(c, sysCreat(m.kernel, t, cString(c, 0), c.u32(1)))),
  pathCall('unlink', NR.unlink, 0, 'i32', (m, c, t) => sysResult(c, sysUnlink(m.kernel, t, cString(c, 0)))),
  pathCall('stat', NR.stat, 0, 'i32', (m, c, t) => statResult(c, sysStat(m.kernel, t, cString(c, 0)), c.ptr(1))),
  pathCall('lstat', NR.lstat, 0, 'i32', (m, c, t) => statResult(c, sysStat(m.kernel, t, cString(c, 0)), c.ptr(1))),
  pathCall('access', NR.access, 0, 'i32', (m, c, t) => sysResult(c, sysAccess(m.kernel, t, cString(c, 0), c.i32(1)))),
  pathCall('mkdir', NR.mkdir, 0, 'i32', (m, c, t) => sysResult(c, sysMkdir(m.kernel, t, cString(c, 0), c.u32(1)))),
  pathCall('rmdir', NR.rmdir, 0, 'i32', (m, c, t) => sysResult(c, sysRmdir(m.kernel, t, cString(c, 0)))),
  pathCall('chdir', NR.chdir, 0, 'i32', (m, c, t) => sysResult(c, sysChdir(m.kernel, t, cString(c, 0)))),
  sys('getcwd', NR.getcwd, 'ptr', 'local', (_m, c, t) => {
    const cwd = encoder.encode(sysGetcwd(t));
    const size = c.size(1);
    // glibc's extension: with a NULL buffer, getcwd mallocs one (size bytes, or as many as needed when size is 0)
    const allocate = c.ptr(0) === 0;
    if (cwd.length + 1 > size && !(allocate && size === 0)) {
      c.setErrno(ERANGE);
      return 0;
    }
    const buf = allocate ? libcMalloc(heapOf(c), size || cwd.length + 1) : c.ptr(0);
    if (buf === 0) {
      c.setErrno(ENOMEM);
      return 0;
    }
    c.mem.writeCString(buf, cwd);
    return buf;
  }),
  sys('__lab_readdir', NR.getdents64, 'i32', 'files', (m, c, t) => {
    const r = sysReaddir(m.kernel, t, c.i32(0));
    if (r === null) return 0;
    if (typeof r === 'number') return sysResult(c, r);
    writeDirent(c, c.ptr(1), r);
    return 1;
  }, 'getdents64'),
  // ---- signals
  sys('kill', NR.kill, 'i32', 'kill', (m, c, t) => sysResult(c, sysKill(m.kernel, t, c.i32(0), c.i32(1)))),
  // glibc's killpg: kill(-pgrp, sig), EINVAL for a negative group
  sys('killpg', NR.kill, 'i32', 'kill', (m, c, t) => sysResult(c, c.i32(0) < 0 ? -EINVAL : sysKill(m.kernel, t, -c.i32(0), c.i32(1)))),
  sys('raise', NR.tgkill, 'i32', 'signal', (m, c, t) => sysResult(c, sysKill(m.kernel, t, t.tgid, c.i32(0)))),
  sys('abort', NR.tgkill, 'void', 'signal', (m, _c, t) => {
    forceAbort(m.kernel, t);
    return undefined;
  }),
  sys('signal', NR.rt_sigaction, 'ptr', 'signal', (_m, c, t) => {
    const r = sysSignal(t, c.i32(0), c.ptr(1));
    if (r >= 0) return r;
    c.setErrno(-r);
    return SIG_ERR;
  }),
  sys('sigaction', NR.rt_sigaction, 'i32', 'signal', (_m, c, t) => {
    const newp = c.ptr(1);
    const oldp = c.ptr(2);
    const old: SigAction | null = oldp ? { handler: 0, flags: 0, mask: new Set() } : null;
    const r = sysSigaction(t, c.i32(0), newp ? readSigaction(c, newp) : null, old);
    if (r === 0 && old) writeSigaction(c, oldp, old);
    return sysResult(c, r);
  }),
  sys('sigprocmask', NR.rt_sigprocmask, 'i32', 'signal', (_m, c, t) => {
    const setp = c.ptr(1);
    const oldp = c.ptr(2);
    const old = oldp ? new Set<number>() : null;
    const r = sysSigprocmask(t, c.i32(0), setp ? readSigset(c, setp) : null, old);
    if (old) c.mem.setI64(oldp, sigsetBits(old));
    return sysResult(c, r);
  }),
  sys('pause', NR.pause, 'i32', 'signal', (m, _c, t) => sysPause(m.kernel, t) === BLOCKED ? BLOCK : 0),
  sys('sigsuspend', NR.rt_sigsuspend, 'i32', 'signal', (m, c, t) => {
    if (!c.ptr(0)) return sysResult(c, -EFAULT);
    return sysSigsuspend(m.kernel, t, readSigset(c, c.ptr(0))) === BLOCKED ? BLOCK : 0;
  }),
  sys('sigpending', NR.rt_sigpending, 'i32', 'signal', (_m, c, t) => {
    if (!c.ptr(0)) return sysResult(c, -EFAULT);
    c.mem.setI64(c.ptr(0), sigsetBits(sysSigpending(t)));
    return 0;
  }),
  noReturn('__lab_sigreturn', NR.rt_sigreturn, 'signal', (m, _c, t) => {
    sigreturn(m.kernel, t);
    return NORETURN;
  }, 'rt_sigreturn'),
  // ---- time
  sys('alarm', NR.alarm, 'i32', 'signal', (m, c, t) => sysAlarm(m.kernel, t, c.u32(0))),
  sys('time', NR.time, 'i64', 'local', (m, c) => {
    const seconds = sysTime(m.kernel);
    if (c.ptr(0)) c.mem.setI64(c.ptr(0), BigInt(seconds));
    return seconds;
  }),
  sys('sleep', NR.nanosleep, 'i32', 'sched', (m, c, t) => blockingResult(c, sysNanosleep(m.kernel, t, c.u32(0), 0))),
  sys('usleep', NR.nanosleep, 'i32', 'sched', (m, c, t) => {
    const us = c.u32(0);
    return blockingResult(c, sysNanosleep(m.kernel, t, Math.floor(us / 1e6), (us % 1e6) * 1e3));
  }),
  sys('nanosleep', NR.nanosleep, 'i32', 'sched', (m, c, t) => {
    const req = c.ptr(0);
    if (!req) return sysResult(c, -EFAULT);
    return blockingResult(c, sysNanosleep(m.kernel, t, Number(c.mem.i64(req)), Number(c.mem.i64(req + 8))));
  }),
  // ---- memory
  sys('brk', NR.brk, 'i32', 'local', (m, c, t) => {
    const want = c.ptr(0);
    return sysBrk(m.kernel, t, want) === want ? 0 : sysResult(c, -ENOMEM);
  }),
  sys('sbrk', NR.brk, 'ptr', 'local', (m, c, t) => {
    const old = sysBrk(m.kernel, t, 0);
    const inc = c.long(0);
    if (inc === 0) return old;
    if (sysBrk(m.kernel, t, old + inc) !== old + inc) {
      c.setErrno(ENOMEM);
      return -1; // (void *)-1
    }
    return old;
  }),
  sys('mmap', NR.mmap, 'ptr', 'local', (m, c, t) => {
    const r = sysMmap(m.kernel, t, c.size(1), c.i32(2), c.i32(3), c.i32(4), c.long(5));
    if (typeof r === 'string') throw notSupported(m, t, 'mmap', MMAP_REFUSED[r]);
    return sysResult(c, r);
  }),
  sys('munmap', NR.munmap, 'i32', 'local', (m, c, t) => sysResult(c, sysMunmap(m.kernel, t, c.ptr(0), c.size(1)))),
  sys('mprotect', NR.mprotect, 'i32', 'local', (m, c, t) => sysResult(c, sysMprotect(m.kernel, t, c.ptr(0), c.size(1), c.i32(2)))),
  // ---- threads: futexes and the runtime's atomic test-and-set
  sys('__lab_futex_wait', NR.futex, 'i32', 'sync', (m, c, t) => {
    const address = c.ptr(0);
    return blockingResult(c, futexWait(m.kernel, t, address, c.mem.i32(address), c.i32(1)));
  }, 'futex_wait'),
  sys('__lab_futex_wake', NR.futex, 'i32', 'sync', (m, c, t) => futexWake(m.kernel, t.mm, c.ptr(0), c.i32(1)), 'futex_wake'),
  sys('__lab_test_and_set', null, 'i32', 'sync', (_m, c) => {
    const old = c.mem.i32(c.ptr(0));
    c.mem.setI32(c.ptr(0), 1);
    return old;
  }, null),
  // ---- /bin/ps reads the process table from the kernel (as procps reads /proc)
  sys('__lab_ps', null, 'i32', 'ps', (m, c, t) => {
    const { text, status } = psOutput(m.kernel, t, stringArray(c, c.ptr(1)).slice(1));
    m.kernelWrite(t, 1, encoder.encode(text));
    return status;
  }, null),
];

/** The traced system calls: the name a builtin has in the trace (docs/trace.md), by C function. */
export const SYSTEM_CALL_NAMES: ReadonlyMap<string, string> = new Map(
  SYSCALLS.filter((s) => s.trace !== null).map((s) => [s.name, s.trace!] as [string, string]),
);

/** System calls that do not return to the caller when they succeed (traced before they run). */
export const NORETURN_CALLS: ReadonlySet<string> = new Set(SYSCALLS.filter((s) => s.noReturn).map((s) => s.name));

/** Each system call's declaration, by C function. */
export const SYSCALL_BY_NAME: ReadonlyMap<string, Syscall> = new Map(SYSCALLS.map((s) => [s.name, s] as [string, Syscall]));

/** How the explorer treats each system call, by C function. */
export const EXPLORE_CLASSES: ReadonlyMap<string, ExploreClass> = new Map(SYSCALLS.map((s) => [s.name, s.explore] as [string, ExploreClass]));

/** The natives of the system calls, bound to `machine` (the calling task is the kernel's current one). */
export function systemCallNatives(machine: Machine): NativeTable {
  const table: NativeTable = {};
  for (const s of SYSCALLS) {
    const handler = s.handler;
    const call = (c: NativeCall): NativeResult => handler(machine, c, currentTask(machine.kernel));
    table[s.name] = native(s.ret, s.ret === 'void' || VDSO_CALLS.has(s.name) ? call : (c) => faultsAreEfault(c, call, s.ret));
  }
  return table;
}

/**
 * Calls that glibc answers in user space on x86-64 (the vDSO), never entering the kernel: a bad
 * pointer faults in the process (SIGSEGV at the calling line), as a library function's does,
 * instead of failing with EFAULT. `time((time_t *)8)` dies on Linux.
 */
const VDSO_CALLS: ReadonlySet<string> = new Set(['time']);

/**
 * A system call that touches a bad user pointer fails with EFAULT, as the kernel's copy_from_user
 * and copy_to_user make it fail; the process is not killed (a library function that faults is).
 * A call that returns a pointer (getcwd) returns NULL then, as glibc's wrapper does.
 */
function faultsAreEfault(c: NativeCall, call: (c: NativeCall) => NativeResult, ret: ReturnKind): NativeResult {
  try {
    return call(c);
  } catch (e) {
    if (!(e instanceof Fault && e.signal === 'SIGSEGV')) throw e;
    const failed = sysResult(c, -EFAULT);
    return ret === 'ptr' ? 0 : failed;
  }
}

/** The most bytes one read or write moves (Linux's MAX_RW_COUNT): a larger count is cut to it. */
const MAX_RW_COUNT = 0x7ffff000;

/**
 * The bytes of a write(2) buffer: `count` bytes at `address` (at most MAX_RW_COUNT), stopping at
 * the first byte that cannot be read; EFAULT when not even the first one can.
 */
function userBuffer(c: NativeCall, address: number, count: number): Uint8Array | number {
  const wanted = Math.min(count, MAX_RW_COUNT);
  const out: Uint8Array[] = [];
  let total = 0;
  while (total < wanted) {
    let run: Uint8Array;
    try {
      run = c.mem.readRun(address + total, wanted - total);
    } catch (e) {
      if (e instanceof Fault && e.signal === 'SIGSEGV') break;
      throw e;
    }
    out.push(run);
    total += run.length;
  }
  if (total === 0 && wanted > 0) return -EFAULT;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const run of out) {
    bytes.set(run, at);
    at += run.length;
  }
  return bytes;
}

/** What the run says when a program makes an mmap the lab refuses. */
const MMAP_REFUSED: Record<MmapUnsupported, string> = {
  file: "the lab's mmap maps only anonymous memory (MAP_ANONYMOUS): mapping a file is not supported; read the file with read() instead",
  fixed: "the lab's mmap does not support MAP_FIXED (placing a mapping at a chosen address); leave the address to the kernel",
};

/** Ends the run at a call the lab does not support, with `message` (as a call of a missing function ends it). */
function notSupported(m: Machine, t: Task, fn: string, message: string): UnsupportedFunction {
  m.kernel.event(t, 'unsupported', { function: fn });
  return new UnsupportedFunction(fn, message);
}

function currentTask(kernel: Kernel): Task {
  const t = kernel.current;
  if (!t) throw new Error('internal error: system call without a current task');
  return t;
}

// ---------------------------------------------------------------- processes

/** exit_group(2). */
function groupExit(k: Kernel, task: Task, code: number): typeof NORETURN {
  doGroupExit(k, task, code);
  return NORETURN;
}

/**
 * fork, vfork and clone: the parent gets the child's pid (or -1 and errno). Before a fork the
 * lab warns about stdout text the child will print again, and about a child of a failed exec
 * that forks on in its parent's code.
 */
function clone(m: Machine, c: NativeCall, self: Task, flags: number, stack = 0, fn = 0, arg = 0, parentTid = 0, childTid = 0): number {
  const kernel = m.kernel;
  if (!(flags & CLONE_VM)) {
    const pending = unflushedBytes(c, 'stdout');
    if (pending > 0) {
      kernel.warn('fork-with-unflushed-stdout', self, `fork() copied ${pending} byte${pending === 1 ? '' : 's'} of printf output still waiting in stdout's buffer: parent and child will both print them. Call fflush(stdout) before fork()`);
    }
  }
  warnAfterFailedExec(kernel, self, 'fork');
  const r = kernelClone(kernel, self, { flags, stack, fn, arg, parentTid, childTid, nargs: c.nargs });
  if (r > 0 && (flags & CLONE_VFORK)) kernel.needResched = true;
  return sysResult(c, r);
}

/** A child whose exec failed and that now forks or waits is running code meant for its parent. */
function warnAfterFailedExec(k: Kernel, self: Task, call: string): void {
  if (self.execFailed) {
    k.warn('exec-failed-fell-through', self, `process ${self.pid}'s exec failed, and it went on to call ${call}() in code meant for its parent. After a failed exec, report the error and call _exit()`);
  }
}

/** wait and waitpid (wait4): the child's pid, with its status stored at `statusp` when given. */
function wait(m: Machine, c: NativeCall, t: Task, name: string, pid: number, options: number, statusp: number): NativeResult {
  warnAfterFailedExec(m.kernel, t, name);
  const r = doWait(m.kernel, t, pid, options);
  if (r === BLOCKED) return BLOCK;
  if (typeof r === 'number') return sysResult(c, r);
  if (statusp) c.mem.setI32(statusp, r.status);
  return r.pid;
}

/** struct rusage's size (x86-64): two struct timeval and fourteen longs. */
const RUSAGE_SIZE = 144;

/**
 * wait3 and wait4: when a child was reaped and `rusage` is given, its resource usage is stored
 * there: all zeros, as the lab keeps no such accounting.
 */
function withRusage(c: NativeCall, rusage: number, result: NativeResult): NativeResult {
  if (typeof result === 'number' && result > 0 && rusage) c.mem.fill(rusage, RUSAGE_SIZE, 0);
  return result;
}

/** Runs the exec; on success the task's registers are the new program's (NORETURN). */
function exec(m: Machine, c: NativeCall, t: Task, path: string, argv: string[], envp: string[]): NativeResult {
  const r = doExecve(m.kernel, t, path, argv, envp);
  return r === 0 ? NORETURN : sysResult(c, r);
}

/** execvp's search (glibc's, in user space): a name without '/' is tried in each directory of PATH. */
function execSearch(m: Machine, c: NativeCall, t: Task, file: string, argv: string[], envp: string[]): NativeResult {
  if (file.includes('/')) return exec(m, c, t, file, argv, envp);
  if (!file) return sysResult(c, -ENOENT);
  const pathVar = envp.find((e) => e.startsWith('PATH='))?.slice(5) ?? '/bin:/usr/bin';
  let error = -ENOENT;
  for (const dir of pathVar.split(':')) {
    const r = doExecve(m.kernel, t, `${dir || '.'}/${file}`, argv, envp);
    if (r === 0) return NORETURN;
    if (r !== -ENOENT) error = r;
  }
  return sysResult(c, error);
}

/** prctl: a number or a name in, a number or a name out (PR_GET_CHILD_SUBREAPER, PR_GET_NAME). */
function prctl(k: Kernel, c: NativeCall, t: Task): number {
  const option = c.i32(0);
  const p = c.nargs > 1 ? c.ptr(1) : 0;
  const arg = { value: c.nargs > 1 ? c.long(1) : 0, name: '' };
  if (option === PR_SET_NAME) arg.name = decoder.decode(c.mem.cString(p, TASK_COMM_LEN - 1));
  const r = sysPrctl(k, t, option, arg);
  if (r < 0) return sysResult(c, r);
  if (option === PR_GET_CHILD_SUBREAPER) c.mem.setI32(p, arg.value);
  if (option === PR_GET_NAME) c.mem.writeCString(p, encoder.encode(arg.name));
  return r;
}

// ---------------------------------------------------------------- arguments

/** Argument i as a C string. */
function cString(c: NativeCall, i: number): string {
  return decoder.decode(c.mem.cString(c.ptr(i)));
}

/** The strings of a NULL-terminated array of string pointers (argv, envp). */
function stringArray(c: NativeCall, address: number): string[] {
  const out: string[] = [];
  if (!address) return out;
  for (let i = 0; ; i++) {
    const p = c.mem.pointer(address + 8 * i);
    if (!p) return out;
    out.push(decoder.decode(c.mem.cString(p)));
  }
}

/** The variadic argument strings of execl and friends, from argument `first` up to NULL. */
function argList(c: NativeCall, first: number): { args: string[]; after: number } {
  const args: string[] = [];
  let i = first;
  for (; i < c.nargs; i++) {
    const p = c.ptr(i);
    if (!p) return { args, after: i + 1 };
    args.push(decoder.decode(c.mem.cString(p)));
  }
  return { args, after: i };
}

/** The process's environment (`environ`). */
function environment(c: NativeCall): string[] {
  return stringArray(c, c.mem.pointer(c.staticBuffer('environ')));
}

/** stat and fstat: struct stat filled at `address` (glibc's x86-64 layout, 144 bytes), or -1 and errno. */
function statResult(c: NativeCall, r: Kstat | number, address: number): number {
  if (typeof r === 'number') return sysResult(c, r);
  if (!address) return sysResult(c, -EFAULT);
  const seconds = BigInt(sysTimeAt(r.mtime));
  c.mem.fill(address, 144, 0);
  c.mem.setI64(address + 8, BigInt(r.ino));
  c.mem.setI64(address + 16, BigInt(r.nlink));
  c.mem.setI32(address + 24, r.mode);
  c.mem.setI32(address + 28, r.uid);
  c.mem.setI32(address + 32, r.uid);
  c.mem.setI64(address + 48, BigInt(r.size));
  c.mem.setI64(address + 56, BigInt(r.blksize));
  c.mem.setI64(address + 64, BigInt(r.blocks));
  for (const at of [72, 88, 104]) c.mem.setI64(address + at, seconds);
  return 0;
}

/** struct dirent (glibc's x86-64 layout): d_ino 0, d_off 8, d_reclen 16, d_type 18, d_name 19. */
function writeDirent(c: NativeCall, address: number, d: Dirent): void {
  const name = encoder.encode(d.name);
  c.mem.setI64(address, BigInt(d.ino));
  c.mem.setI64(address + 8, 0n);
  c.mem.setByte(address + 16, 24 + name.length);
  c.mem.setByte(address + 17, 0);
  c.mem.setByte(address + 18, d.type);
  c.mem.writeCString(address + 19, name);
}

/** rlim_t: RLIM_INFINITY (all ones) is no limit. */
function rlimFromUser(value: bigint): number {
  const v = BigInt.asUintN(64, value);
  return v === RLIM_INFINITY ? Infinity : Number(v);
}

function rlimToUser(value: number): bigint {
  return value === Infinity ? RLIM_INFINITY : BigInt(value);
}

/** sigset_t is 128 bytes; the lab keeps signals 1..64 in its first 8 bytes. */
function readSigset(c: NativeCall, address: number): Set<number> {
  const bits = c.mem.i64(address);
  const set = new Set<number>();
  for (let s = 1; s < NSIG; s++) if (bits & (1n << BigInt(s - 1))) set.add(s);
  return set;
}

function sigsetBits(set: Set<number>): bigint {
  let bits = 0n;
  for (const s of set) bits |= 1n << BigInt(s - 1);
  return bits;
}

/** struct sigaction (glibc's layout): handler at 0, sa_mask at 8, sa_flags at 136. */
function readSigaction(c: NativeCall, address: number): SigAction {
  return { handler: c.mem.pointer(address), mask: readSigset(c, address + 8), flags: c.mem.i32(address + 136) };
}

function writeSigaction(c: NativeCall, address: number, action: SigAction): void {
  c.mem.setPointer(address, action.handler);
  c.mem.setI64(address + 8, sigsetBits(action.mask));
  c.mem.setI32(address + 136, action.flags);
}
