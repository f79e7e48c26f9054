/**
 * How a library function implemented natively (in TypeScript) sees its call: typed access to the
 * arguments on the evaluation stack, the task's memory, errno, and what to return.
 *
 * A native returns the C return value (a number, or a bigint for 64-bit values beyond 2^53), or
 * `undefined` for void, or one of two markers:
 *   BLOCK     the call cannot complete yet (the kernel put the task to sleep); it will be made
 *             again, with the same arguments, when the task wakes. Nothing may have changed.
 *   NORETURN  the native replaced the task's registers itself (exit, exec, a signal handler):
 *             the VM must not pop arguments or push a result.
 */
import { Kind, kindAt } from '../../lang/isa.ts';
import type { BuiltinName } from '../../lang/builtins.ts';
import type { CpuContext } from '../../kernel/context.ts';
import type { UserMemory } from '../user-memory.ts';
import type { WarningKind } from '../../kernel/warnings.ts';

export const BLOCK = Symbol('block');
export const NORETURN = Symbol('noreturn');
export type NativeResult = number | bigint | undefined | typeof BLOCK | typeof NORETURN;

export type ReturnKind = 'i32' | 'i64' | 'f64' | 'ptr' | 'void';

const TWO32 = 4294967296;

const NO_SYS: Sys = {
  write: () => -9,
  read: () => -9,
  lseek: () => -9,
  isatty: () => false,
  brk: () => 0,
  mmap: () => -1,
  munmap: () => -22,
  abort: () => undefined,
  warn: () => undefined,
};

const STATIC_BUFFERS = {
  strerror: '__lab_strerror_buf',
  strsignal: '__lab_strsignal_buf',
  rand: '__lab_rand_state',
  environ: 'environ',
  envspace: '__lab_envspace',
  malloc: '__lab_malloc_state',
} as const;

/** The system calls that library code needs, bound to the calling task by the machine. */
export interface Sys {
  /** write(2): bytes written, or -errno. Library writes never block (pipes grow as needed). */
  write(fd: number, bytes: Uint8Array): number;
  /** read(2): the bytes read (empty at end of file), -errno, or BLOCK when the task must wait. */
  read(fd: number, max: number): Uint8Array | number | typeof BLOCK;
  /** lseek(2): the new offset, or -errno (-ESPIPE on a pipe or the terminal) */
  lseek(fd: number, offset: number, whence: number): number;
  /** whether fd is the terminal (decides stdio's buffering) */
  isatty(fd: number): boolean;
  /** brk(2), for malloc: moves the program break to `want` (0 asks) and returns the break it now has */
  brk(want: number): number;
  /** mmap(2) of `length` bytes of private anonymous memory (`name` labels it): the address, or -1 */
  mmap(length: number, name: string): number;
  /** munmap(2): 0, or -errno */
  munmap(address: number, length: number): number;
  /** abort(3)'s kernel side: SIGABRT, unblocked and with its default action, is sent to the caller */
  abort(): void;
  /** a teaching warning about the caller, at the line it is on */
  warn(kind: WarningKind, message: string): void;
}

/** One call of a native function: its arguments, the caller's memory and errno. */
export class NativeCall {
  constructor(
    readonly ctx: CpuContext,
    /** the call's argument count and kinds (the machine reuses one NativeCall per task: see reuse) */
    public nargs: number,
    public kinds: number,
    readonly mem: UserMemory,
    /** address of the program's `errno` variable (0 when the program has none) */
    readonly errnoAddress: number,
    /** address of a global of the program (or its C runtime) by name, 0 when there is none */
    readonly symbolAddress: (name: string) => number = () => 0,
    /** system calls on behalf of the calling task */
    readonly sys: Sys = NO_SYS,
  ) {}

  /**
   * Address of a static area the C runtime (vm/libc/crt.ts) reserves for native code, so that
   * library state lives in the program's memory (fork copies it, exec discards it):
   *   'strerror' → char __lab_strerror_buf[256]
   *   'rand'     → the random_r state: int __lab_rand_state[64]
   *   'environ'  → char **environ (the variable itself; read the pointer stored there)
   *   'envspace' → char __lab_envspace[4096] (setenv's strings and arrays, bump-allocated)
   *   'malloc'   → the allocator's state (malloc/heap.ts: glibc's main_arena and tcache variables)
   * Throws when the runtime lacks it (an internal error of the lab).
   */
  staticBuffer(name: keyof typeof STATIC_BUFFERS): number {
    let address = this.staticAddresses.get(name);
    if (address === undefined) {
      const symbol = STATIC_BUFFERS[name];
      address = this.symbolAddress(symbol);
      if (!address) throw new Error(`internal error: the C runtime has no ${symbol}`);
      this.staticAddresses.set(name, address);
    }
    return address;
  }

  /** the static areas found so far (this object serves one program of one task) */
  private readonly staticAddresses = new Map<string, number>();

  /** the allocator's view of this task's heap (malloc/natives.ts heapOf), made at its first call */
  heap: object | null = null;

  /** Makes this object describe another call of the same task (same memory and program). */
  reuse(nargs: number, kinds: number): this {
    this.nargs = nargs;
    this.kinds = kinds;
    return this;
  }

  /** Slot index of argument i (argument 0 is on top of the evaluation stack). */
  private slot(i: number): number {
    return this.ctx.esp - 1 - i;
  }

  kind(i: number): Kind {
    return kindAt(this.kinds, i);
  }

  /** Argument i as a signed 32-bit int, converted as the ABI would from its actual kind. */
  i32(i: number): number {
    const s = this.slot(i);
    switch (this.kind(i)) {
      case Kind.F64:
        return Math.trunc(this.ctx.evalF64[s]) | 0;
      case Kind.PTR:
        return this.ctx.evalF64[s] | 0;
      default:
        return this.ctx.evalI32[2 * s];
    }
  }

  /** Argument i as an unsigned 32-bit int. */
  u32(i: number): number {
    return this.i32(i) >>> 0;
  }

  /** Argument i as a signed 64-bit integer. */
  i64(i: number): bigint {
    const s = this.slot(i);
    switch (this.kind(i)) {
      case Kind.I32:
        return BigInt(this.ctx.evalI32[2 * s]);
      case Kind.F64:
        return BigInt(Math.trunc(this.ctx.evalF64[s]));
      case Kind.PTR:
        return BigInt(this.ctx.evalF64[s]);
      default:
        return this.ctx.evalI64[s];
    }
  }

  /** Argument i (a long, size_t…) as a JS number: exact for values within ±2^53. */
  long(i: number): number {
    const s = this.slot(i);
    switch (this.kind(i)) {
      case Kind.I32:
        return this.ctx.evalI32[2 * s];
      case Kind.F64:
        return Math.trunc(this.ctx.evalF64[s]);
      case Kind.PTR:
        return this.ctx.evalF64[s];
      default:
        return this.ctx.evalI32[2 * s + 1] * TWO32 + (this.ctx.evalI32[2 * s] >>> 0);
    }
  }

  /** Argument i (size_t) as a non-negative number: the 64-bit value read as unsigned. */
  size(i: number): number {
    const s = this.slot(i);
    if (this.kind(i) === Kind.I64) return (this.ctx.evalI32[2 * s + 1] >>> 0) * TWO32 + (this.ctx.evalI32[2 * s] >>> 0);
    const v = this.long(i);
    return v < 0 ? v + 2 ** 64 : v;
  }

  /** Argument i as a double. */
  f64(i: number): number {
    const s = this.slot(i);
    switch (this.kind(i)) {
      case Kind.I32:
        return this.ctx.evalI32[2 * s];
      case Kind.I64:
        return Number(this.ctx.evalI64[s]);
      default:
        return this.ctx.evalF64[s];
    }
  }

  /** Argument i as an address. */
  ptr(i: number): number {
    const s = this.slot(i);
    switch (this.kind(i)) {
      case Kind.I32:
        return this.ctx.evalI32[2 * s];
      case Kind.I64:
        return this.ctx.evalI32[2 * s + 1] * TWO32 + (this.ctx.evalI32[2 * s] >>> 0);
      default:
        return this.ctx.evalF64[s];
    }
  }

  /** Sets the program's errno. */
  setErrno(code: number): void {
    if (this.errnoAddress) this.mem.setI32(this.errnoAddress, code);
  }

  errno(): number {
    return this.errnoAddress ? this.mem.i32(this.errnoAddress) : 0;
  }
}

export interface NativeFunction {
  ret: ReturnKind;
  fn: (call: NativeCall) => NativeResult;
}

/** A set of natives keyed by the builtin's C name. */
export type NativeTable = Partial<Record<BuiltinName, NativeFunction>>;

/** Shorthand to declare a native. */
export function native(ret: ReturnKind, fn: (call: NativeCall) => NativeResult): NativeFunction {
  return { ret, fn };
}
