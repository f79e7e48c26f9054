/**
 * Loads and stores of the CPU through a task's TLB: every access to simulated memory made by
 * compiled code, the interpreter and library code goes through these, so page faults, copy on
 * write and SIGSEGV happen at the access that causes them. Aligned in-page accesses take the
 * fast path (one tag compare and a DataView access); accesses that straddle a page go byte by
 * byte (a straddling store touches its last byte first, so a fault leaves memory unchanged).
 */
import { Tlb, TLB_MASK, readSplit, writeSplit } from './tlb.ts';

const scratchBuffer = new ArrayBuffer(16);
const scratch = new DataView(scratchBuffer);
const TWO32 = 4294967296;

// ---- memory access through the TLB (small enough for V8 to inline) ----

export function readView(t: Tlb, a: number): DataView {
  const vpn = Math.floor(a * t.invPageSize);
  const k = vpn & TLB_MASK;
  return t.tag[k] === vpn ? t.view[k] : t.fillRead(vpn, a);
}

export function writeView(t: Tlb, a: number): DataView {
  const vpn = Math.floor(a * t.invPageSize);
  const k = vpn & TLB_MASK;
  return t.tag[k] === vpn && t.writable[k] === 1 ? t.view[k] : t.fillWrite(vpn, a);
}

/** Byte offset of `a` in its page, or -1 when `size` bytes from `a` cross into the next page. */
export function offsetIn(t: Tlb, a: number, size: number): number {
  const off = a - Math.floor(a * t.invPageSize) * t.pageSize;
  return off <= t.pageSize - size ? off : -1;
}

export function ld8(t: Tlb, a: number): number {
  return readView(t, a).getInt8(a - Math.floor(a * t.invPageSize) * t.pageSize);
}
export function ldu8(t: Tlb, a: number): number {
  return readView(t, a).getUint8(a - Math.floor(a * t.invPageSize) * t.pageSize);
}
export function ld16(t: Tlb, a: number): number {
  const v = readView(t, a);
  const o = offsetIn(t, a, 2);
  return o >= 0 ? v.getInt16(o, true) : readSplit(t, a, 2, scratch).getInt16(0, true);
}
export function ldu16(t: Tlb, a: number): number {
  const v = readView(t, a);
  const o = offsetIn(t, a, 2);
  return o >= 0 ? v.getUint16(o, true) : readSplit(t, a, 2, scratch).getUint16(0, true);
}
export function ld32(t: Tlb, a: number): number {
  const v = readView(t, a);
  const o = offsetIn(t, a, 4);
  return o >= 0 ? v.getInt32(o, true) : readSplit(t, a, 4, scratch).getInt32(0, true);
}
export function ldf32(t: Tlb, a: number): number {
  const v = readView(t, a);
  const o = offsetIn(t, a, 4);
  return o >= 0 ? v.getFloat32(o, true) : readSplit(t, a, 4, scratch).getFloat32(0, true);
}
export function ldf64(t: Tlb, a: number): number {
  const v = readView(t, a);
  const o = offsetIn(t, a, 8);
  return o >= 0 ? v.getFloat64(o, true) : readSplit(t, a, 8, scratch).getFloat64(0, true);
}
/** Loads 8 bytes into slot `s` of the evaluation stack (as raw I64 halves). */
export function ld64(t: Tlb, a: number, I: Int32Array, s: number): void {
  let v = readView(t, a);
  let o = offsetIn(t, a, 8);
  if (o < 0) {
    v = readSplit(t, a, 8, scratch);
    o = 0;
  }
  I[2 * s] = v.getInt32(o, true);
  I[2 * s + 1] = v.getInt32(o + 4, true);
}
/**
 * Loads a pointer: 8 bytes read as a signed 64-bit value, exact for every user address and for
 * small negative values such as (void *)-1 (see isa.ts, PTR).
 */
export function ldptr(t: Tlb, a: number): number {
  let v = readView(t, a);
  let o = offsetIn(t, a, 8);
  if (o < 0) {
    v = readSplit(t, a, 8, scratch);
    o = 0;
  }
  return v.getInt32(o + 4, true) * TWO32 + v.getUint32(o, true);
}

export function st8(t: Tlb, a: number, x: number): void {
  writeView(t, a).setInt8(a - Math.floor(a * t.invPageSize) * t.pageSize, x);
}
export function st16(t: Tlb, a: number, x: number): void {
  const v = writeView(t, a);
  const o = offsetIn(t, a, 2);
  if (o >= 0) v.setInt16(o, x, true);
  else {
    scratch.setInt16(0, x, true);
    writeSplit(t, a, 2, scratch);
  }
}
export function st32(t: Tlb, a: number, x: number): void {
  const v = writeView(t, a);
  const o = offsetIn(t, a, 4);
  if (o >= 0) v.setInt32(o, x, true);
  else {
    scratch.setInt32(0, x, true);
    writeSplit(t, a, 4, scratch);
  }
}
export function stf32(t: Tlb, a: number, x: number): void {
  const v = writeView(t, a);
  const o = offsetIn(t, a, 4);
  if (o >= 0) v.setFloat32(o, x, true);
  else {
    scratch.setFloat32(0, x, true);
    writeSplit(t, a, 4, scratch);
  }
}
export function stf64(t: Tlb, a: number, x: number): void {
  const v = writeView(t, a);
  const o = offsetIn(t, a, 8);
  if (o >= 0) v.setFloat64(o, x, true);
  else {
    scratch.setFloat64(0, x, true);
    writeSplit(t, a, 8, scratch);
  }
}
/** Stores the two 32-bit halves `lo`, `hi` at `a`. */
export function st64(t: Tlb, a: number, lo: number, hi: number): void {
  const v = writeView(t, a);
  const o = offsetIn(t, a, 8);
  if (o >= 0) {
    v.setInt32(o, lo, true);
    v.setInt32(o + 4, hi, true);
  } else {
    scratch.setInt32(0, lo, true);
    scratch.setInt32(4, hi, true);
    writeSplit(t, a, 8, scratch);
  }
}
/** Stores a pointer (a signed number within ±2^53) as 8 bytes. */
export function stptr(t: Tlb, a: number, p: number): void {
  st64(t, a, p >>> 0, Math.floor(p / TWO32) | 0);
}

// ---- block operations (memcpy, memset, struct copies): whole runs of a page at a time, touching
// pages in the order a byte-by-byte C loop would, so faults and copy on write happen alike

/** Copies at most this many bytes one by one through the pages' DataViews (no allocation). */
const SMALL = 32;

/** Byte offset of `a` in its page. */
function pageOffset(t: Tlb, a: number): number {
  return a - Math.floor(a * t.invPageSize) * t.pageSize;
}

/** The bytes from `a` to the end of its page, for reading. */
export function readableRun(t: Tlb, a: number): Uint8Array {
  const v = readView(t, a);
  const o = pageOffset(t, a);
  return new Uint8Array(v.buffer, v.byteOffset + o, t.pageSize - o);
}

/** The bytes from `a` to the end of its page, for writing (copy on write happens here). */
export function writableRun(t: Tlb, a: number): Uint8Array {
  const v = writeView(t, a);
  const o = pageOffset(t, a);
  return new Uint8Array(v.buffer, v.byteOffset + o, t.pageSize - o);
}

/**
 * Copies `size` bytes from `src` to `dst` with memmove's semantics (overlap allowed): forwards,
 * or backwards when dst lies inside the source, as a C loop would do it. A fault leaves the bytes
 * before it copied.
 */
export function copyBytes(t: Tlb, dst: number, src: number, size: number): void {
  if (size <= 0) return;
  const backwards = dst > src && dst < src + size;
  if (size <= SMALL && pageOffset(t, src) <= t.pageSize - size && pageOffset(t, dst) <= t.pageSize - size) {
    copySmall(t, dst, src, size, backwards);
  } else if (backwards) {
    copyBackwards(t, dst, src, size);
  } else {
    for (let i = 0; i < size; ) {
      const from = readableRun(t, src + i);
      const to = writableRun(t, dst + i);
      const n = Math.min(size - i, from.length, to.length);
      to.set(n === from.length ? from : from.subarray(0, n));
      i += n;
    }
  }
}

/** copyBytes of a few bytes that lie within one page each. */
function copySmall(t: Tlb, dst: number, src: number, size: number, backwards: boolean): void {
  const from = readView(t, src);
  const to = writeView(t, dst);
  const so = pageOffset(t, src);
  const d = pageOffset(t, dst);
  // an int or a pointer (qsort's items, struct fields): whole words, all read before any is
  // written, which is what the byte loops below leave too, overlapping or not
  if (size === 4) to.setInt32(d, from.getInt32(so, true), true);
  else if (size === 8) {
    const low = from.getInt32(so, true);
    const high = from.getInt32(so + 4, true);
    to.setInt32(d, low, true);
    to.setInt32(d + 4, high, true);
  } else if (backwards) for (let i = size - 1; i >= 0; i--) to.setUint8(d + i, from.getUint8(so + i));
  else for (let i = 0; i < size; i++) to.setUint8(d + i, from.getUint8(so + i));
}

/** copyBytes from the last byte down (dst overlaps the end of src). */
function copyBackwards(t: Tlb, dst: number, src: number, size: number): void {
  for (let left = size; left > 0; ) {
    const n = Math.min(left, pageOffset(t, src + left - 1) + 1, pageOffset(t, dst + left - 1) + 1);
    const from = readableRun(t, src + left - n);
    const to = writableRun(t, dst + left - n);
    to.set(from.subarray(0, n));
    left -= n;
  }
}

/** Writes `bytes` (or zeros when bytes is null) to `size` bytes at `dst`, page by page. */
export function fillBytes(t: Tlb, dst: number, size: number, bytes: Uint8Array | null): void {
  for (let i = 0; i < size; ) {
    const target = writableRun(t, dst + i);
    const n = Math.min(size - i, target.length);
    if (bytes) target.set(bytes.subarray(i, i + n));
    else target.fill(0, 0, n);
    i += n;
  }
}

/** memset: `size` bytes at `dst` set to `value`, page by page. */
export function setBytes(t: Tlb, dst: number, size: number, value: number): void {
  for (let i = 0; i < size; ) {
    const target = writableRun(t, dst + i);
    const n = Math.min(size - i, target.length);
    target.fill(value, 0, n);
    i += n;
  }
}
