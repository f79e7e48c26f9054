/**
 * Test helper for native library functions: a small flat "address space" behind a real TLB and
 * UserMemory, and a NativeCall whose arguments are placed on an evaluation stack exactly as the
 * CPU places them. Used by the *.test.ts files of vm/libc; not used by the lab itself.
 *
 * Layout of the fake memory: page 0 is unmapped (NULL faults with SIGSEGV, as in a real process),
 * everything from `pageSize` to `size` is readable and writable, except pages marked read-only.
 */
import { Kind } from '../../lang/isa.ts';
import type { ProgramImage } from '../../lang/image.ts';
import type { CpuContext } from '../../kernel/context.ts';
import { Fault, type Mmu } from '../../kernel/mmu.ts';
import { Tlb } from '../tlb.ts';
import { UserMemory } from '../user-memory.ts';
import { NativeCall, type NativeFunction, type NativeResult } from './native.ts';

const PAGE = 4096;

/** An argument of a fake call: a number is an int, a bigint a long, or an explicit kind. */
export type FakeArg = number | bigint | { ptr: number } | { f64: number };

/** A flat memory of `pages` pages with a bump allocator, usable as the MMU of a Tlb. */
export class FakeMemory implements Mmu {
  readonly pageSize = PAGE;
  readonly bytes: Uint8Array;
  private readonly readOnly = new Set<number>();
  private next = PAGE;
  /** global symbols of the fake program (errno, the runtime's static buffers) */
  readonly symbols = new Map<string, number>();

  constructor(pages = 16) {
    this.bytes = new Uint8Array(pages * PAGE);
  }

  generation(): number {
    return 0;
  }

  translate(vpn: number, address: number, write: boolean): { view: DataView; writable: boolean } {
    if (vpn === 0) throw new Fault('SIGSEGV', 'null-pointer', address, write);
    if ((vpn + 1) * PAGE > this.bytes.length || vpn < 0) throw new Fault('SIGSEGV', 'unmapped', address, write);
    const ro = this.readOnly.has(vpn);
    if (write && ro) throw new Fault('SIGSEGV', 'write-to-read-only', address, write);
    return { view: new DataView(this.bytes.buffer, vpn * PAGE, PAGE), writable: !ro };
  }

  /** Reserves `size` zeroed bytes (8-byte aligned) and returns their address. */
  alloc(size: number): number {
    const address = this.next;
    this.next = Math.ceil((address + Math.max(size, 1)) / 8) * 8;
    if (this.next > this.bytes.length) throw new Error('fake memory is full');
    return address;
  }

  /** Allocates a NUL-terminated copy of `text` (bytes 0..255 taken from the char codes). */
  string(text: string): number {
    const address = this.alloc(text.length + 1);
    for (let i = 0; i < text.length; i++) this.bytes[address + i] = text.charCodeAt(i) & 255;
    return address;
  }

  /** Allocates a NULL-terminated array of pointers to copies of `texts` (an argv or envp). */
  stringArray(texts: string[]): number {
    const array = this.alloc(8 * (texts.length + 1));
    texts.forEach((t, i) => this.setPointer(array + 8 * i, this.string(t)));
    return array;
  }

  /** The NUL-terminated string at `address`, as a JS string of char codes. */
  cString(address: number): string {
    let s = '';
    for (let a = address; this.bytes[a] !== 0; a++) s += String.fromCharCode(this.bytes[a]);
    return s;
  }

  /** The NULL-terminated array of strings at `address`. */
  cStringArray(address: number): string[] {
    const out: string[] = [];
    for (let a = address; this.pointer(a) !== 0; a += 8) out.push(this.cString(this.pointer(a)));
    return out;
  }

  pointer(address: number): number {
    return Number(new DataView(this.bytes.buffer).getBigUint64(address, true));
  }

  setPointer(address: number, value: number): void {
    new DataView(this.bytes.buffer).setBigUint64(address, BigInt(value), true);
  }

  i32(address: number): number {
    return new DataView(this.bytes.buffer).getInt32(address, true);
  }

  setI32(address: number, value: number): void {
    new DataView(this.bytes.buffer).setInt32(address, value, true);
  }

  /** Makes the page containing `address` read-only (writes then fault). */
  protect(address: number): void {
    this.readOnly.add(Math.floor(address / PAGE));
  }

  /** Defines a global symbol of `size` bytes, as the C runtime would (errno, static buffers). */
  define(name: string, size: number): number {
    const address = this.alloc(size);
    this.symbols.set(name, address);
    return address;
  }

  /** Defines errno and the static areas of crt.ts that natives use (see NativeCall.staticBuffer). */
  withRuntime(): this {
    this.define('errno', 4);
    this.define('__lab_strerror_buf', 256);
    this.define('__lab_rand_state', 64 * 4);
    this.define('environ', 8);
    this.define('__lab_envspace', 4096);
    return this;
  }

  get errno(): number {
    const a = this.symbols.get('errno');
    return a === undefined ? 0 : this.i32(a);
  }

  set errno(value: number) {
    const a = this.symbols.get('errno');
    if (a !== undefined) this.setI32(a, value);
  }
}

function kindOf(arg: FakeArg): Kind {
  if (typeof arg === 'number') return Kind.I32;
  if (typeof arg === 'bigint') return Kind.I64;
  return 'ptr' in arg ? Kind.PTR : Kind.F64;
}

/** Places one argument in evaluation-stack slot `s` of `ctx`. */
function putArg(ctx: CpuContext, s: number, arg: FakeArg): void {
  if (typeof arg === 'number') {
    ctx.evalI32[2 * s] = arg | 0;
    ctx.evalI32[2 * s + 1] = arg < 0 ? -1 : 0;
  } else if (typeof arg === 'bigint') ctx.evalI64[s] = BigInt.asIntN(64, arg);
  else if ('ptr' in arg) ctx.evalF64[s] = arg.ptr;
  else ctx.evalF64[s] = arg.f64;
}

/** A NativeCall with `args` (argument 0 first) over `memory`, as the machine would build it. */
export function fakeCall(args: FakeArg[], memory: FakeMemory): NativeCall {
  const buffer = new ArrayBuffer(8 * Math.max(args.length, 1));
  const ctx: CpuContext = {
    image: null as unknown as ProgramImage,
    pc: 0,
    sp: 0,
    fp: 0,
    esp: args.length,
    evalBuffer: buffer,
    evalF64: new Float64Array(buffer),
    evalI32: new Int32Array(buffer),
    evalI64: new BigInt64Array(buffer),
    nargs: args.length,
    tlb: null,
  };
  let kinds = 0;
  args.forEach((arg, i) => {
    putArg(ctx, args.length - 1 - i, arg); // argument 0 is on top of the stack
    kinds |= kindOf(arg) << (2 * i);
  });
  const mem = new UserMemory(new Tlb(memory));
  const errno = memory.symbols.get('errno') ?? 0;
  return new NativeCall(ctx, args.length, kinds, mem, errno, (name) => memory.symbols.get(name) ?? 0);
}

/** Calls native `fn` with `args` over `memory` and returns its result. */
export function callNative(fn: NativeFunction | undefined, memory: FakeMemory, ...args: FakeArg[]): NativeResult {
  if (!fn) throw new Error('no such native');
  return fn.fn(fakeCall(args, memory));
}

/** Shorthand for a pointer argument. */
export function ptr(address: number): { ptr: number } {
  return { ptr: address };
}
