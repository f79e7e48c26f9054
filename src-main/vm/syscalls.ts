/**
 * The system calls a program makes, as library functions: each one reads its arguments, asks the
 * kernel, and turns a negative result into -1 with errno, as glibc's wrappers do.
 */
import type { Machine } from './machine.ts';
import { BLOCK, NORETURN, native, type NativeCall, type NativeTable } from './libc/native.ts';
import { exitedStatus, SIGABRT, defaultAction } from '../kernel/signals.ts';
import type { Task } from '../kernel/task.ts';

const EBADF = 9;
const EINVAL = 22;
const ENOMEM = 12;
const ESRCH = 3;

/** glibc's convention: a negative kernel result becomes -1 and errno. */
function sysResult(call: NativeCall, r: number): number {
  if (r < 0) {
    call.setErrno(-r);
    return -1;
  }
  return r;
}

export function systemCallNatives(machine: Machine): NativeTable {
  const kernel = machine.kernel;
  const current = (): Task => {
    const t = kernel.current;
    if (!t) throw new Error('internal error: system call without a current task');
    return t;
  };
  const exitNow = (status: number): typeof NORETURN => {
    kernel.doExit(current(), status);
    return NORETURN;
  };
  /** Sends `sig` to the calling task itself; without handlers, the default action applies now. */
  const raiseSelf = (sig: number): number | typeof NORETURN => {
    const action = defaultAction(sig);
    if (action === 'ignore' || action === 'continue') return 0;
    kernel.event(current(), 'signal', { signal: sig, from: current().pid });
    kernel.killBySignal(current(), sig);
    return NORETURN;
  };

  return {
    _exit: native('void', (c) => exitNow(exitedStatus(c.i32(0)))),
    _Exit: native('void', (c) => exitNow(exitedStatus(c.i32(0)))),
    abort: native('void', () => {
      raiseSelf(SIGABRT);
      return NORETURN;
    }),
    raise: native('i32', (c) => raiseSelf(c.i32(0))),
    kill: native('i32', (c) => {
      const pid = c.i32(0);
      const sig = c.i32(1);
      const self = current();
      if (pid === self.tgid || pid === 0) return sig === 0 ? 0 : raiseSelf(sig);
      return sysResult(c, -ESRCH);
    }),
    getpid: native('i32', () => current().tgid),
    gettid: native('i32', () => current().pid),
    getppid: native('i32', () => current().parent?.tgid ?? 0),
    getuid: native('i32', () => 1000),
    write: native('i64', (c) => {
      const count = c.size(2);
      const bytes = c.mem.read(c.ptr(1), count);
      return sysResult(c, machine.kernelWrite(current(), c.i32(0), bytes));
    }),
    read: native('i64', (c) => {
      const r = machine.kernelRead(current(), c.i32(0), c.size(2));
      if (r === BLOCK) return BLOCK;
      if (typeof r === 'number') return sysResult(c, r);
      c.mem.write(c.ptr(1), r);
      return r.length;
    }),
    isatty: native('i32', (c) => {
      const entry = current().files.get(c.i32(0));
      if (!entry) return sysResult(c, -EBADF);
      if (entry.file.kind !== 'tty') return sysResult(c, -25); // ENOTTY
      return 1;
    }),
    close: native('i32', (c) => (kernel.closeFd(current(), c.i32(0)) ? 0 : sysResult(c, -EBADF))),
    brk: native('i32', (c) => {
      const want = c.ptr(0);
      const got = kernel.memory.brk(current().mm, want);
      return got === want ? 0 : sysResult(c, -ENOMEM);
    }),
    sbrk: native('ptr', (c) => {
      const mm = current().mm;
      const old = kernel.memory.brk(mm, 0);
      const inc = c.long(0);
      if (inc === 0) return old;
      const got = kernel.memory.brk(mm, old + inc);
      if (got !== old + inc) {
        c.setErrno(ENOMEM);
        return 2 ** 64 - 1;
      }
      return old;
    }),
    time: native('i64', (c) => {
      const seconds = Math.floor(kernel.time / 1e9) + 1_700_000_000;
      if (c.ptr(0)) c.mem.setI64(c.ptr(0), BigInt(seconds));
      return seconds;
    }),
    sleep: native('i32', (c) => {
      sleepFor(c.u32(0) * 1e9);
      return 0;
    }),
    usleep: native('i32', (c) => {
      sleepFor(c.u32(0) * 1e3);
      return 0;
    }),
    nanosleep: native('i32', (c) => {
      const req = c.ptr(0);
      if (!req) return sysResult(c, -14);
      const sec = Number(c.mem.i64(req));
      const nsec = Number(c.mem.i64(req + 8));
      if (nsec < 0 || nsec > 999_999_999 || sec < 0) return sysResult(c, -EINVAL);
      sleepFor(sec * 1e9 + nsec);
      return 0;
    }),
    sched_yield: native('i32', () => {
      kernel.needResched = true;
      return 0;
    }),
  };

  /** Sleeping advances the simulated clock; with one runnable task it costs nothing real. */
  function sleepFor(ns: number): void {
    kernel.time += ns;
  }
}
