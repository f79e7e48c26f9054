/**
 * The system calls a program makes, as library functions: each one reads its arguments, asks the
 * kernel, and turns a negative result into -1 with errno, as glibc's wrappers do.
 */
import type { Machine } from './machine.ts';
import { BLOCK, NORETURN, native, type NativeCall, type NativeTable } from './libc/native.ts';
import { exitedStatus, SIGABRT, SIGKILL } from '../kernel/signals.ts';
import type { Task } from '../kernel/task.ts';
import { BLOCKED, sysClose, sysDup, sysDup2, sysFcntl, sysPipe, sysRead, sysWrite } from '../kernel/fs.ts';
import { doWait } from '../kernel/wait.ts';
import { SIG_DFL, SIG_IGN, sigreturn } from '../kernel/signal.ts';
import { CLONE_VFORK, CLONE_VM, kernelClone } from '../kernel/fork.ts';
import { SIGCHLD } from '../kernel/signals.ts';
import { doExecve } from '../kernel/exec.ts';
import { psOutput } from '../kernel/ps.ts';
import { unflushedBytes } from './libc/stdio.ts';
import type { Mm } from '../kernel/memory.ts';

const EFAULT = 14;
const EINVAL = 22;
const ENOMEM = 12;
const ESRCH = 3;

const PR_SET_NAME = 15;
const PR_GET_NAME = 16;
const PR_SET_CHILD_SUBREAPER = 36;
const PR_GET_CHILD_SUBREAPER = 37;

/** glibc's convention: a negative kernel result becomes -1 and errno. */
function sysResult(call: NativeCall, r: number): number {
  if (r < 0) {
    call.setErrno(-r);
    return -1;
  }
  return r;
}

/** sigset_t is 128 bytes; the lab keeps signals 1..64 in its first 8 bytes. */
function sigsetBit(sig: number): bigint {
  return 1n << BigInt(sig - 1);
}

/**
 * The natives that are system calls (or glibc wrappers of one): each call is traced as a
 * `syscall` event (docs/trace.md), under the name Linux gives it.
 */
export const SYSTEM_CALL_NAMES: ReadonlyMap<string, string> = new Map([
  ...['_exit', '_Exit', 'fork', 'vfork', 'clone', 'execve', 'execv', 'execvp', 'execl', 'execlp', 'execle',
    'kill', 'raise', 'getpid', 'gettid', 'getppid', 'getuid', 'write', 'read', 'pipe', 'dup', 'dup2', 'fcntl',
    'close', 'isatty', 'wait', 'waitpid', 'prctl', 'signal', 'sigaction', 'sigprocmask', 'pause', 'alarm',
    'brk', 'sbrk', 'time', 'sleep', 'usleep', 'nanosleep', 'sched_yield', 'abort'].map((n) => [n, n] as [string, string]),
  ['__lab_exit_thread', 'exit'],
  ['__lab_futex_wait', 'futex_wait'],
  ['__lab_futex_wake', 'futex_wake'],
  ['__lab_sigreturn', 'rt_sigreturn'],
]);

/** System calls that do not return to the caller when they succeed (traced before they run). */
export const NORETURN_CALLS: ReadonlySet<string> = new Set(['_exit', '_Exit', '__lab_exit_thread', '__lab_sigreturn']);

export function systemCallNatives(machine: Machine): NativeTable {
  const kernel = machine.kernel;
  const current = (): Task => {
    const t = kernel.current;
    if (!t) throw new Error('internal error: system call without a current task');
    return t;
  };
  /** exit_group: every thread of the process ends, then the caller. */
  const exitNow = (status: number): typeof NORETURN => {
    const self = current();
    for (const t of [...kernel.tasks.values()]) if (t !== self && t.tgid === self.tgid) kernel.doExit(t, status);
    kernel.doExit(self, status);
    return NORETURN;
  };
  /** fork, vfork and clone: the parent gets the child's pid (or -1 and errno). */
  const clone = (c: NativeCall, flags: number, stack = 0, fn = 0, arg = 0, parentTid = 0, childTid = 0): number => {
    const self = current();
    if (!(flags & CLONE_VM)) {
      const pending = unflushedBytes(c, 'stdout');
      if (pending > 0) {
        kernel.warn('fork-with-unflushed-stdout', self, `fork() copied ${pending} byte(s) of printf output still waiting in stdout's buffer: parent and child will both print them. Call fflush(stdout) before fork()`);
      }
    }
    warnAfterFailedExec(self, 'fork');
    const r = kernelClone(kernel, self, { flags, stack, fn, arg, parentTid, childTid, nargs: c.nargs });
    if (r > 0 && (flags & CLONE_VFORK)) kernel.needResched = true;
    return sysResult(c, r);
  };
  /** kill(2) for the cases the lab has: a pid, 0 or -1 meaning the caller's processes. */
  const kill = (c: NativeCall, pid: number, sig: number): number => {
    if (sig < 0 || sig > 64) return sysResult(c, -EINVAL);
    const self = current();
    const targets = pid > 0
      ? [...kernel.tasks.values()].filter((t) => t.pid === pid && t.state !== 'X')
      : [...kernel.tasks.values()].filter((t) => !t.kernelThread && t.state !== 'X' && t.state !== 'Z' && (pid === 0 || pid === -1 ? t !== self || pid === 0 : t.pid === -pid));
    if (targets.length === 0) return sysResult(c, -ESRCH);
    if (sig === 0) return 0;
    for (const t of targets) kernel.sendSignal(t, sig, self);
    return 0;
  };
  /** A child whose exec failed and that now forks or waits is running code meant for its parent. */
  const warnAfterFailedExec = (self: Task, call: string): void => {
    if (self.execFailed) {
      kernel.warn('exec-failed-fell-through', self, `process ${self.pid}'s exec failed, and it went on to call ${call}() in code meant for its parent. After a failed exec, report the error and call _exit()`);
    }
  };
  const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
  /** The strings of a NULL-terminated array of string pointers (argv, envp). */
  const stringArray = (c: NativeCall, address: number): string[] => {
    const out: string[] = [];
    if (!address) return out;
    for (let i = 0; ; i++) {
      const p = c.mem.pointer(address + 8 * i);
      if (!p) return out;
      out.push(decode(c.mem.cString(p)));
    }
  };
  /** The variadic argument strings of execl and friends, from argument `first` up to NULL. */
  const argList = (c: NativeCall, first: number): { args: string[]; after: number } => {
    const args: string[] = [];
    let i = first;
    for (; i < c.nargs; i++) {
      const p = c.ptr(i);
      if (!p) return { args, after: i + 1 };
      args.push(decode(c.mem.cString(p)));
    }
    return { args, after: i };
  };
  const environment = (c: NativeCall): string[] => stringArray(c, c.mem.pointer(c.staticBuffer('environ')));
  /** Runs the exec; on success the task's registers are the new program's (NORETURN). */
  const exec = (c: NativeCall, path: string, argv: string[], envp: string[]): number | typeof NORETURN => {
    const r = doExecve(kernel, current(), path, argv, envp);
    return r === 0 ? NORETURN : sysResult(c, r);
  };
  /** execvp's search: a name without '/' is tried in each directory of PATH. */
  const execSearch = (c: NativeCall, file: string, argv: string[], envp: string[]): number | typeof NORETURN => {
    if (file.includes('/')) return exec(c, file, argv, envp);
    if (!file) return sysResult(c, -2);
    const pathVar = envp.find((e) => e.startsWith('PATH='))?.slice(5) ?? '/bin:/usr/bin';
    let error = -2;
    for (const dir of pathVar.split(':')) {
      const r = doExecve(kernel, current(), `${dir || '.'}/${file}`, argv, envp);
      if (r === 0) return NORETURN;
      if (r !== -2) error = r;
    }
    return sysResult(c, error);
  };

  /** Installs a disposition; returns the old handler (signal()). */
  const setHandler = (sig: number, handler: number, flags: number, mask: Set<number>): number => {
    const action = current().sighand.actions[sig];
    const old = action.handler;
    action.handler = handler;
    action.flags = flags;
    action.mask = mask;
    return old;
  };

  return {
    _exit: native('void', (c) => exitNow(exitedStatus(c.i32(0)))),
    _Exit: native('void', (c) => exitNow(exitedStatus(c.i32(0)))),
    __lab_exit_thread: native('void', (c) => {
      kernel.doExit(current(), exitedStatus(c.i32(0)));
      return NORETURN;
    }),
    __lab_ps: native('i32', (c) => {
      const argv = stringArray(c, c.ptr(1)).slice(1);
      const { text, status } = psOutput(kernel, current(), argv);
      machine.kernelWrite(current(), 1, new TextEncoder().encode(text));
      return status;
    }),
    fork: native('i32', (c) => clone(c, SIGCHLD)),
    execve: native('i32', (c) => exec(c, decode(c.mem.cString(c.ptr(0))), stringArray(c, c.ptr(1)), stringArray(c, c.ptr(2)))),
    execv: native('i32', (c) => exec(c, decode(c.mem.cString(c.ptr(0))), stringArray(c, c.ptr(1)), environment(c))),
    execvp: native('i32', (c) => execSearch(c, decode(c.mem.cString(c.ptr(0))), stringArray(c, c.ptr(1)), environment(c))),
    execl: native('i32', (c) => exec(c, decode(c.mem.cString(c.ptr(0))), argList(c, 1).args, environment(c))),
    execlp: native('i32', (c) => execSearch(c, decode(c.mem.cString(c.ptr(0))), argList(c, 1).args, environment(c))),
    execle: native('i32', (c) => {
      const { args, after } = argList(c, 1);
      return exec(c, decode(c.mem.cString(c.ptr(0))), args, stringArray(c, c.ptr(after)));
    }),
    vfork: native('i32', (c) => clone(c, CLONE_VM | CLONE_VFORK | SIGCHLD)),
    clone: native('i32', (c) => {
      const fn = c.ptr(0);
      const stack = c.ptr(1);
      if (!fn || !stack) return sysResult(c, -EINVAL);
      return clone(c, c.i32(2), stack, fn, c.ptr(3), c.nargs > 4 ? c.ptr(4) : 0, c.nargs > 6 ? c.ptr(6) : 0);
    }),
    __lab_futex_wait: native('i32', (c) => {
      const address = c.ptr(0);
      if (c.mem.i32(address) !== c.i32(1)) return sysResult(c, -11);
      kernel.sleepOn(current(), { kind: 'futex', address });
      return BLOCK;
    }),
    __lab_futex_wake: native('i32', (c) => kernel.futexWake(current().mm, c.ptr(0), c.i32(1))),
    __lab_test_and_set: native('i32', (c) => {
      const old = c.mem.i32(c.ptr(0));
      c.mem.setI32(c.ptr(0), 1);
      return old;
    }),
    abort: native('void', () => {
      const self = current();
      // abort unblocks and resets SIGABRT so that it always kills
      self.blocked.delete(SIGABRT);
      self.sighand.actions[SIGABRT].handler = SIG_DFL;
      kernel.sendSignal(self, SIGABRT, self);
      return undefined;
    }),
    raise: native('i32', (c) => kill(c, current().tgid, c.i32(0))),
    kill: native('i32', (c) => kill(c, c.i32(0), c.i32(1))),
    getpid: native('i32', () => current().tgid),
    gettid: native('i32', () => current().pid),
    getppid: native('i32', () => current().parent?.tgid ?? 0),
    getuid: native('i32', () => 1000),
    write: native('i64', (c) => {
      const bytes = c.mem.read(c.ptr(1), c.size(2));
      const r = sysWrite(kernel, current(), c.i32(0), bytes, true);
      return r === BLOCKED ? BLOCK : sysResult(c, r);
    }),
    read: native('i64', (c) => {
      const r = sysRead(kernel, current(), c.i32(0), c.size(2));
      if (r === BLOCKED) return BLOCK;
      if (typeof r === 'number') return sysResult(c, r);
      c.mem.write(c.ptr(1), r);
      return r.length;
    }),
    pipe: native('i32', (c) => {
      const fds = c.ptr(0);
      if (!fds) return sysResult(c, -EFAULT);
      const r = sysPipe(kernel, current(), 0);
      if (typeof r === 'number') return sysResult(c, r);
      c.mem.setI32(fds, r[0]);
      c.mem.setI32(fds + 4, r[1]);
      return 0;
    }),
    dup: native('i32', (c) => sysResult(c, sysDup(kernel, current(), c.i32(0)))),
    dup2: native('i32', (c) => sysResult(c, sysDup2(kernel, current(), c.i32(0), c.i32(1)))),
    fcntl: native('i32', (c) => sysResult(c, sysFcntl(kernel, current(), c.i32(0), c.i32(1), c.nargs > 2 ? c.i32(2) : 0))),
    close: native('i32', (c) => sysResult(c, sysClose(kernel, current(), c.i32(0)))),
    isatty: native('i32', (c) => {
      const entry = current().files.get(c.i32(0));
      if (!entry) return sysResult(c, -9);
      if (entry.file.kind !== 'tty') return sysResult(c, -25); // ENOTTY
      return 1;
    }),
    wait: native('i32', (c) => {
      warnAfterFailedExec(current(), 'wait');
      const r = doWait(kernel, current(), -1, 0);
      if (r === BLOCKED) return BLOCK;
      if (typeof r === 'number') return sysResult(c, r);
      if (c.ptr(0)) c.mem.setI32(c.ptr(0), r.status);
      return r.pid;
    }),
    waitpid: native('i32', (c) => {
      warnAfterFailedExec(current(), 'waitpid');
      const r = doWait(kernel, current(), c.i32(0), c.i32(2));
      if (r === BLOCKED) return BLOCK;
      if (typeof r === 'number') return sysResult(c, r);
      if (c.ptr(1)) c.mem.setI32(c.ptr(1), r.status);
      return r.pid;
    }),
    prctl: native('i32', (c) => {
      const self = current();
      switch (c.i32(0)) {
        case PR_SET_CHILD_SUBREAPER:
          self.childSubreaper = c.long(1) !== 0;
          kernel.event(self, 'subreaper', { on: self.childSubreaper });
          return 0;
        case PR_GET_CHILD_SUBREAPER:
          c.mem.setI32(c.ptr(1), self.childSubreaper ? 1 : 0);
          return 0;
        case PR_SET_NAME:
          self.comm = new TextDecoder().decode(c.mem.cString(c.ptr(1), 15));
          return 0;
        case PR_GET_NAME:
          c.mem.writeCString(c.ptr(1), new TextEncoder().encode(self.comm.slice(0, 15)));
          return 0;
        default:
          return sysResult(c, -EINVAL);
      }
    }),
    signal: native('ptr', (c) => {
      const sig = c.i32(0);
      if (sig < 1 || sig > 64 || sig === SIGKILL || sig === 19) {
        c.setErrno(EINVAL);
        return -1; // SIG_ERR
      }
      // glibc's signal() has BSD semantics: SA_RESTART, handler not reset
      return setHandler(sig, c.ptr(1), 0x10000000, new Set());
    }),
    sigaction: native('i32', (c) => {
      const sig = c.i32(0);
      if (sig < 1 || sig > 64 || ((sig === SIGKILL || sig === 19) && c.ptr(1))) return sysResult(c, -EINVAL);
      const action = current().sighand.actions[sig];
      const oldp = c.ptr(2);
      if (oldp) {
        let mask = 0n;
        for (const s of action.mask) mask |= sigsetBit(s);
        c.mem.setPointer(oldp, action.handler);
        c.mem.setI64(oldp + 8, mask);
        c.mem.setI32(oldp + 136, action.flags);
      }
      const newp = c.ptr(1);
      if (newp) {
        const mask = new Set<number>();
        const bits = c.mem.i64(newp + 8);
        for (let s = 1; s <= 64; s++) if (bits & sigsetBit(s)) mask.add(s);
        setHandler(sig, c.mem.pointer(newp), c.mem.i32(newp + 136), mask);
      }
      return 0;
    }),
    sigemptyset: native('i32', (c) => {
      c.mem.fill(c.ptr(0), 128, 0);
      return 0;
    }),
    sigfillset: native('i32', (c) => {
      c.mem.fill(c.ptr(0), 8, 0xff);
      return 0;
    }),
    sigaddset: native('i32', (c) => {
      const sig = c.i32(1);
      if (sig < 1 || sig > 64) return sysResult(c, -EINVAL);
      c.mem.setI64(c.ptr(0), c.mem.i64(c.ptr(0)) | sigsetBit(sig));
      return 0;
    }),
    sigdelset: native('i32', (c) => {
      const sig = c.i32(1);
      if (sig < 1 || sig > 64) return sysResult(c, -EINVAL);
      c.mem.setI64(c.ptr(0), c.mem.i64(c.ptr(0)) & ~sigsetBit(sig));
      return 0;
    }),
    sigismember: native('i32', (c) => {
      const sig = c.i32(1);
      if (sig < 1 || sig > 64) return sysResult(c, -EINVAL);
      return c.mem.i64(c.ptr(0)) & sigsetBit(sig) ? 1 : 0;
    }),
    sigprocmask: native('i32', (c) => {
      const self = current();
      const how = c.i32(0);
      const oldp = c.ptr(2);
      if (oldp) {
        let mask = 0n;
        for (const s of self.blocked) mask |= sigsetBit(s);
        c.mem.setI64(oldp, mask);
      }
      const setp = c.ptr(1);
      if (setp) {
        const bits = c.mem.i64(setp);
        for (let s = 1; s <= 64; s++) {
          if (s === SIGKILL || s === 19) continue;
          const inSet = (bits & sigsetBit(s)) !== 0n;
          if (how === 0 && inSet) self.blocked.add(s);
          else if (how === 1 && inSet) self.blocked.delete(s);
          else if (how === 2) inSet ? self.blocked.add(s) : self.blocked.delete(s);
        }
        if (how < 0 || how > 2) return sysResult(c, -EINVAL);
      }
      return 0;
    }),
    __lab_sigreturn: native('void', () => {
      sigreturn(kernel, current());
      return NORETURN;
    }),
    pause: native('i32', () => {
      kernel.sleepOn(current(), { kind: 'pause' });
      return BLOCK;
    }),
    alarm: native('i32', (c) => {
      const self = current();
      const left = self.alarmAt === null ? 0 : Math.max(1, Math.round((self.alarmAt - kernel.time) / 1e9));
      const seconds = c.u32(0);
      self.alarmAt = seconds === 0 ? null : kernel.time + seconds * 1e9;
      return left;
    }),
    brk: native('i32', (c) => {
      const want = c.ptr(0);
      const got = moveBreak(want);
      return got === want ? 0 : sysResult(c, -ENOMEM);
    }),
    sbrk: native('ptr', (c) => {
      const mm = current().mm;
      const old = kernel.memory.brk(mm, 0);
      const inc = c.long(0);
      if (inc === 0) return old;
      const got = moveBreak(old + inc);
      if (got !== old + inc) {
        c.setErrno(ENOMEM);
        return -1; // (void *)-1
      }
      return old;
    }),
    time: native('i64', (c) => {
      const seconds = Math.floor(kernel.time / 1e9) + 1_700_000_000;
      if (c.ptr(0)) c.mem.setI64(c.ptr(0), BigInt(seconds));
      return seconds;
    }),
    sleep: native('i32', (c) => sleepFor('sleep', c.u32(0) * 1e9)),
    usleep: native('i32', (c) => sleepFor('usleep', c.u32(0) * 1e3)),
    nanosleep: native('i32', (c) => {
      const req = c.ptr(0);
      if (!req) return sysResult(c, -EFAULT);
      const sec = Number(c.mem.i64(req));
      const nsec = Number(c.mem.i64(req + 8));
      if (nsec < 0 || nsec > 999_999_999 || sec < 0) return sysResult(c, -EINVAL);
      return sleepFor('nanosleep', sec * 1e9 + nsec);
    }),
    sched_yield: native('i32', () => {
      kernel.needResched = true;
      return 0;
    }),
  };

  /** sys_brk for the current task: moves the break and traces `brk` when it moved. */
  function moveBreak(want: number): number {
    const self = current();
    const mm = self.mm as Mm;
    const from = mm.brk;
    const got = kernel.memory.brk(mm, want);
    if (got !== from) kernel.event(self, 'brk', { mm: mm.id, from, to: got });
    return got;
  }

  /**
   * Sleeps for `ns` of simulated time: the task blocks until the clock reaches its deadline (the
   * scheduler runs others meanwhile, or jumps the clock when everyone sleeps). The call is made
   * again when the task wakes; it returns 0 once the deadline has passed.
   */
  function sleepFor(name: string, ns: number): number | typeof BLOCK {
    const self = current();
    const deadline = self.blockedCall?.name === name && self.blockedCall.deadline !== undefined
      ? self.blockedCall.deadline
      : kernel.time + ns;
    if (kernel.time >= deadline) return 0;
    kernel.sleepOn(self, { kind: 'sleep', until: deadline });
    self.blockedCall = { name, nargs: 1, ret: 'i32', deadline };
    return BLOCK;
  }
}

export { SIG_IGN };
