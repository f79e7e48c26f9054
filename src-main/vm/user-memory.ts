/**
 * Access to a task's memory from library code running "in the kernel" of the VM (the native
 * library functions): the same path as the CPU's loads and stores, through the task's TLB, so
 * a native strcpy faults, copies on write and touches pages exactly as compiled code would.
 */
import { TLB_MASK, Tlb, readByte, writeByte } from './tlb.ts';
import { copyBytes, fillBytes, ld32, ldf64, ldptr, ldu16, readView, readableRun, setBytes, st16, st32, stf32, stf64, stptr, writeView } from './memory-ops.ts';

const TWO32 = 4294967296;

/** strlen looks at this many bytes one by one before it searches the rest of the page as an array. */
const SHORT_STRING = 64;

/** Reads longer than this are checked page by page before their copy is allocated. */
const LARGE_READ = 1 << 24;

export class UserMemory {
  constructor(readonly tlb: Tlb) {}

  /**
   * Told of every range the library wrote, right after the write, while set (memcheck: what a
   * library call or a system call wrote is defined). Null by default: one test per write then.
   */
  written: ((address: number, length: number) => void) | null = null;

  /** The bytes of the NUL-terminated string at `address`, without the NUL (at most `max`). */
  cString(address: number, max = Infinity): Uint8Array {
    const out: number[] = [];
    while (out.length < max) {
      const b = readByte(this.tlb, address + out.length);
      if (b === 0) break;
      out.push(b);
    }
    return Uint8Array.from(out);
  }

  /** Length of the string at `address` (strlen), scanned page by page (each page touched in order). */
  strlen(address: number): number {
    const t = this.tlb;
    let n = 0;
    for (;;) {
      const a = address + n;
      const view = readView(t, a);
      const o = a - Math.floor(a * t.invPageSize) * t.pageSize;
      const run = t.pageSize - o;
      // a short string is found without allocating; a long run is searched as bytes (memchr)
      const head = Math.min(run, SHORT_STRING);
      for (let j = 0; j < head; j++) if (view.getUint8(o + j) === 0) return n + j;
      const i = head < run ? new Uint8Array(view.buffer, view.byteOffset + o + head, run - head).indexOf(0) : -1;
      if (i >= 0) return n + head + i;
      n += run;
    }
  }

  /** A copy of the bytes from `address` to the end of its page, at most `max` (throws the Fault of an unreadable page). */
  readRun(address: number, max: number): Uint8Array {
    const run = readableRun(this.tlb, address);
    return run.slice(0, Math.min(max, run.length));
  }


  /**
   * A copy of the `length` bytes at `address`, page by page through the TLB: a page that cannot
   * be read faults (SIGSEGV), as it would for the CPU, however long the length asked.
   */
  read(address: number, length: number): Uint8Array {
    // a length beyond what any address space can hold faults before the copy is allocated
    if (length > LARGE_READ) this.probe(address, length);
    const out = new Uint8Array(length);
    for (let i = 0; i < length; ) {
      const run = readableRun(this.tlb, address + i);
      const n = Math.min(length - i, run.length);
      out.set(n === run.length ? run : run.subarray(0, n), i);
      i += n;
    }
    return out;
  }

  /** Touches every page of [address, address + length) for reading, in order (the first bad one faults). */
  private probe(address: number, length: number): void {
    for (let i = 0; i < length; ) i += readableRun(this.tlb, address + i).length;
  }

  /**
   * A DataView over the `length` bytes at `address`, made writable (copy on write happens now),
   * when they lie within one page; null when they straddle two.
   */
  writableWindow(address: number, length: number): DataView | null {
    const t = this.tlb;
    const view = writeView(t, address);
    const offset = address - Math.floor(address * t.invPageSize) * t.pageSize;
    if (offset + length > t.pageSize) return null;
    if (this.written !== null) this.written(address, length);
    return new DataView(view.buffer, view.byteOffset + offset, length);
  }

  write(address: number, bytes: Uint8Array): void {
    fillBytes(this.tlb, address, bytes.length, bytes);
    if (this.written !== null) this.written(address, bytes.length);
  }

  /** Writes the bytes and a terminating NUL. */
  writeCString(address: number, bytes: Uint8Array): void {
    this.write(address, bytes);
    writeByte(this.tlb, address + bytes.length, 0);
    if (this.written !== null) this.written(address + bytes.length, 1);
  }

  fill(address: number, length: number, value: number): void {
    setBytes(this.tlb, address, length, value);
    if (this.written !== null) this.written(address, length);
  }

  move(dst: number, src: number, length: number): void {
    copyBytes(this.tlb, dst, src, length);
    if (this.written !== null) this.written(dst, length);
  }

  byte(address: number): number {
    return readByte(this.tlb, address);
  }

  setByte(address: number, value: number): void {
    writeByte(this.tlb, address, value);
    if (this.written !== null) this.written(address, 1);
  }

  i32(address: number): number {
    return ld32(this.tlb, address);
  }

  setI32(address: number, value: number): void {
    st32(this.tlb, address, value);
    if (this.written !== null) this.written(address, 4);
  }

  pointer(address: number): number {
    return ldptr(this.tlb, address);
  }

  setPointer(address: number, value: number): void {
    stptr(this.tlb, address, value);
    if (this.written !== null) this.written(address, 8);
  }

  /**
   * Writes a call's frame below the stack pointer of `regs`: the return address `ret` at sp - 8,
   * then at sp - 16 the frame pointer of `regs` (`savesFp`) or 0, as two setPointer calls in that
   * order do; in place, with one translation, when both words lie in a page the TLB holds
   * writable and no one watches writes. (It takes the registers, not sp and fp: stack addresses
   * are beyond V8's small integers, and each passed alone would be boxed.)
   */
  pushFrame(regs: { readonly sp: number; readonly fp: number }, ret: number, savesFp: boolean): void {
    const t = this.tlb;
    const at = regs.sp - 16;
    const low = savesFp ? regs.fp : 0;
    const vpn = Math.floor(at * t.invPageSize);
    const k = vpn & TLB_MASK;
    const o = at - vpn * t.pageSize;
    if (t.tag[k] === vpn && t.writable[k] === 1 && o <= t.pageSize - 16 && this.written === null) {
      const view = t.view[k];
      view.setInt32(o + 8, ret >>> 0, true);
      view.setInt32(o + 12, Math.floor(ret / TWO32) | 0, true);
      view.setInt32(o, low >>> 0, true);
      view.setInt32(o + 4, Math.floor(low / TWO32) | 0, true);
      return;
    }
    this.setPointer(at + 8, ret);
    this.setPointer(at, low);
  }

  /** Stores a 64-bit integer given as a bigint (wrapping). */
  setI64(address: number, value: bigint): void {
    const v = BigInt.asUintN(64, value);
    this.setI32(address, Number(v & 0xffffffffn) | 0);
    this.setI32(address + 4, Number(v >> 32n) | 0);
  }

  u16(address: number): number {
    return ldu16(this.tlb, address);
  }

  setI16(address: number, value: number): void {
    st16(this.tlb, address, value);
    if (this.written !== null) this.written(address, 2);
  }

  setF32(address: number, value: number): void {
    stf32(this.tlb, address, value);
    if (this.written !== null) this.written(address, 4);
  }

  f64(address: number): number {
    return ldf64(this.tlb, address);
  }

  setF64(address: number, value: number): void {
    stf64(this.tlb, address, value);
    if (this.written !== null) this.written(address, 8);
  }

  i64(address: number): bigint {
    const lo = BigInt(this.i32(address) >>> 0);
    const hi = BigInt(this.i32(address + 4));
    return (hi << 32n) | lo;
  }
}
