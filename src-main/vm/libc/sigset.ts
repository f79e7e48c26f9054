/**
 * The signal set functions of <signal.h> (sigemptyset and friends): pure library code over a
 * sigset_t in the program's memory. sigset_t is 128 bytes as in glibc; the lab keeps signals
 * 1..64 in its first 8 bytes.
 */
import { native, type NativeCall, type NativeTable } from './native.ts';
import { EINVAL, NSIG } from '../../kernel/uapi.ts';

const SIGSET_BYTES = 128;

function bit(sig: number): bigint {
  return 1n << BigInt(sig - 1);
}

/** Runs `change` on the set's bits for a valid signal; -1 and EINVAL for another number. */
function withSignal(c: NativeCall, change: (bits: bigint, b: bigint) => bigint | number): number {
  const sig = c.i32(1);
  if (sig < 1 || sig >= NSIG) {
    c.setErrno(EINVAL);
    return -1;
  }
  const r = change(c.mem.i64(c.ptr(0)), bit(sig));
  if (typeof r === 'number') return r;
  c.mem.setI64(c.ptr(0), r);
  return 0;
}

export const SIGSET_NATIVES: NativeTable = {
  sigemptyset: native('i32', (c) => {
    c.mem.fill(c.ptr(0), SIGSET_BYTES, 0);
    return 0;
  }),
  sigfillset: native('i32', (c) => {
    c.mem.fill(c.ptr(0), 8, 0xff);
    return 0;
  }),
  sigaddset: native('i32', (c) => withSignal(c, (bits, b) => bits | b)),
  sigdelset: native('i32', (c) => withSignal(c, (bits, b) => bits & ~b)),
  sigismember: native('i32', (c) => withSignal(c, (bits, b) => (bits & b ? 1 : 0))),
};
