/**
 * string.h: the string and memory functions, working on the task's memory through its TLB,
 * page by page (so a bad pointer faults with SIGSEGV exactly where the C loop would).
 *
 * Comparisons (strcmp, strncmp, memcmp) return what glibc's x86-64 code returns at run time:
 * the difference of the first differing bytes, read as unsigned char (strcmp of "abc" and "abz"
 * is -23). gcc folds comparisons of two string literals to -1/0/1 at compile time; that is the
 * compiler's business, not the library's.
 */
import { native, type NativeCall, type NativeTable } from './native.ts';
import { strerrorText } from './errno-names.ts';
import type { UserMemory } from '../user-memory.ts';
import type { Tlb } from '../tlb.ts';
import { readView, writeView } from '../memory-ops.ts';

const NULL = 0;

/** Length of the string at `s`, looking at no more than `max` bytes (strnlen). */
function boundedLength(mem: UserMemory, s: number, max: number): number {
  let n = 0;
  while (n < max && mem.byte(s + n) !== 0) n++;
  return n;
}

/** Byte offset of `a` in its page. */
function pageOffset(t: Tlb, a: number): number {
  return a - Math.floor(a * t.invPageSize) * t.pageSize;
}

/*
 * The loops below go page by page: each page's DataView is fetched (through the TLB, faulting or
 * copying on write there) where a byte-by-byte loop would first touch that page, and in the same
 * order (the source's page before the destination's), then the bytes of the run are handled
 * without another translation. A write check (a watched vfork child) wants to see every store,
 * so under one the copies go byte by byte.
 */

/** Compares at most `n` bytes of two strings (stops after a NUL); the unsigned-byte difference. */
function compareStrings(mem: UserMemory, a: number, b: number, n: number): number {
  const t = mem.tlb;
  const ps = t.pageSize;
  for (let i = 0; i < n; ) {
    const va = readView(t, a + i);
    const vb = readView(t, b + i);
    const oa = pageOffset(t, a + i);
    const ob = pageOffset(t, b + i);
    const run = Math.min(n - i, ps - oa, ps - ob);
    for (let j = 0; j < run; j++) {
      const x = va.getUint8(oa + j);
      const y = vb.getUint8(ob + j);
      if (x !== y || x === 0) return x - y;
    }
    i += run;
  }
  return 0;
}

/** Compares exactly `n` bytes (memcmp); the unsigned-byte difference of the first that differ. */
function compareBytes(mem: UserMemory, a: number, b: number, n: number): number {
  const t = mem.tlb;
  const ps = t.pageSize;
  for (let i = 0; i < n; ) {
    const va = readView(t, a + i);
    const vb = readView(t, b + i);
    const oa = pageOffset(t, a + i);
    const ob = pageOffset(t, b + i);
    const run = Math.min(n - i, ps - oa, ps - ob);
    for (let j = 0; j < run; j++) {
      const x = va.getUint8(oa + j);
      const y = vb.getUint8(ob + j);
      if (x !== y) return x - y;
    }
    i += run;
  }
  return 0;
}

/** strcpy/strncpy core: copies the string at `src` to `dst`, at most `n` bytes, NUL-padding to `n`. */
function copyPadded(mem: UserMemory, dst: number, src: number, n: number): void {
  const i = copyUntilNul(mem, dst, src, n);
  if (i < n) fillBytes(mem, dst + i, 0, n - i);
}

/** Copies the string at `src` (with its NUL) to `dst`, as strcpy's loop would. */
function copyString(mem: UserMemory, dst: number, src: number): void {
  copyUntilNul(mem, dst, src, Infinity);
}

/**
 * Copies bytes from `src` to `dst`, each read then written in order, until a NUL was copied or
 * `n` bytes were; returns the bytes copied before the NUL (n when none came). Tells memcheck
 * what it wrote (UserMemory.written), as UserMemory's own writes do.
 */
function copyUntilNul(mem: UserMemory, dst: number, src: number, n: number): number {
  const copied = copyRuns(mem, dst, src, n);
  if (mem.written !== null) mem.written(dst, Math.min(copied + 1, n));
  return copied;
}

/** copyUntilNul's copy, page run by page run (byte by byte under a vfork child's write check). */
function copyRuns(mem: UserMemory, dst: number, src: number, n: number): number {
  const t = mem.tlb;
  if (t.writeCheck !== null) {
    for (let i = 0; i < n; i++) {
      const b = mem.byte(src + i);
      mem.setByte(dst + i, b);
      if (b === 0) return i;
    }
    return n;
  }
  const ps = t.pageSize;
  for (let i = 0; i < n; ) {
    readView(t, src + i);
    const to = writeView(t, dst + i);
    // read again: the write may have copied the source's page (the same page, copy on write)
    const from = readView(t, src + i);
    const so = pageOffset(t, src + i);
    const d = pageOffset(t, dst + i);
    const run = Math.min(n - i, ps - so, ps - d);
    for (let j = 0; j < run; j++) {
      const b = from.getUint8(so + j);
      to.setUint8(d + j, b);
      if (b === 0) return i + j;
    }
    i += run;
  }
  return n;
}

/** Appends at most `n` bytes of `src` to the string at `dst`, then a NUL (strncat). */
function appendString(mem: UserMemory, dst: number, src: number, n: number): void {
  const end = dst + mem.strlen(dst);
  let i = 0;
  for (; i < n; i++) {
    const b = mem.byte(src + i);
    if (b === 0) break;
    mem.setByte(end + i, b);
  }
  mem.setByte(end + i, 0);
}

/** Address of the first byte equal to `c` in the `n` bytes at `s`, or NULL (memchr). */
function findByte(mem: UserMemory, s: number, c: number, n: number): number {
  for (let i = 0; i < n; i++) if (mem.byte(s + i) === c) return s + i;
  return NULL;
}

/** strchr: the first `c` in the string (its NUL counts, so strchr(s, 0) finds the end). */
function findChar(mem: UserMemory, s: number, c: number): number {
  const t = mem.tlb;
  for (let a = s; ; ) {
    const view = readView(t, a);
    const o = pageOffset(t, a);
    const run = t.pageSize - o;
    for (let j = 0; j < run; j++) {
      const b = view.getUint8(o + j);
      if (b === c) return a + j;
      if (b === 0) return NULL;
    }
    a += run;
  }
}

/** strrchr: the last `c` in the string, or NULL. */
function findLastChar(mem: UserMemory, s: number, c: number): number {
  let found = NULL;
  for (let a = s; ; a++) {
    const b = mem.byte(a);
    if (b === c) found = a;
    if (b === 0) return found;
  }
}

/** strstr: the first occurrence of the string `needle` in `haystack`, or NULL. */
function findString(mem: UserMemory, haystack: number, needle: number): number {
  const pattern = mem.cString(needle);
  for (let a = haystack; ; a++) {
    if (matchesAt(mem, a, pattern)) return a;
    if (mem.byte(a) === 0) return NULL;
  }
}

function matchesAt(mem: UserMemory, at: number, pattern: Uint8Array): boolean {
  for (let i = 0; i < pattern.length; i++) if (mem.byte(at + i) !== pattern[i]) return false;
  return true;
}

/** Length of the initial run of bytes of `s` that are (accept = true) or are not in `set`. */
function spanOf(mem: UserMemory, s: number, set: number, accept: boolean): number {
  const members = new Set(mem.cString(set));
  let n = 0;
  for (;;) {
    const b = mem.byte(s + n);
    if (b === 0 || members.has(b) !== accept) return n;
    n++;
  }
}

/** Sizes beyond this are surely a bug (a negative size_t): touch them page by page to fault. */
const HUGE = 1 << 24;

/**
 * Touches one byte per page of the `n` bytes at `address` when `n` is absurdly large, so that a
 * bad size faults with SIGSEGV (as the C loop would on the first unmapped page) instead of the
 * lab trying to allocate gigabytes. Small sizes are left to the copy itself.
 */
function faultIfHuge(mem: UserMemory, address: number, n: number, write: boolean): void {
  if (n <= HUGE) return;
  for (let a = address; a < address + n; a += 4096) {
    if (write) mem.setByte(a, mem.byte(a));
    else mem.byte(a);
  }
}

/** memmove/memcpy: copies `n` bytes (overlap allowed) and returns `dst`. */
function moveBytes(mem: UserMemory, dst: number, src: number, n: number): number {
  faultIfHuge(mem, src, n, false);
  faultIfHuge(mem, dst, n, true);
  mem.move(dst, src, n);
  return dst;
}

/** memset: fills `n` bytes with `value` and returns `dst`. */
function fillBytes(mem: UserMemory, dst: number, value: number, n: number): number {
  faultIfHuge(mem, dst, n, true);
  mem.fill(dst, n, value);
  return dst;
}

/** strerror: glibc's message, written into the runtime's static buffer; returns its address. */
function strerror(c: NativeCall): number {
  const buffer = c.staticBuffer('strerror');
  const text = new TextEncoder().encode(strerrorText(c.i32(0)));
  c.mem.writeCString(buffer, text.subarray(0, 255));
  return buffer;
}

/** The argument `c` of strchr, memset… converted to unsigned char, as the C functions do. */
function byteArg(c: NativeCall, i: number): number {
  return c.i32(i) & 255;
}

/** The string.h natives, keyed by C name (return kinds follow the C prototypes). */
export const STRING_NATIVES: NativeTable = {
  strlen: native('i64', (c) => c.mem.strlen(c.ptr(0))),
  strnlen: native('i64', (c) => boundedLength(c.mem, c.ptr(0), c.size(1))),
  strcpy: native('ptr', (c) => {
    copyString(c.mem, c.ptr(0), c.ptr(1));
    return c.ptr(0);
  }),
  strncpy: native('ptr', (c) => {
    copyPadded(c.mem, c.ptr(0), c.ptr(1), c.size(2));
    return c.ptr(0);
  }),
  strcat: native('ptr', (c) => {
    appendString(c.mem, c.ptr(0), c.ptr(1), Infinity);
    return c.ptr(0);
  }),
  strncat: native('ptr', (c) => {
    appendString(c.mem, c.ptr(0), c.ptr(1), c.size(2));
    return c.ptr(0);
  }),
  strcmp: native('i32', (c) => compareStrings(c.mem, c.ptr(0), c.ptr(1), Infinity)),
  strncmp: native('i32', (c) => compareStrings(c.mem, c.ptr(0), c.ptr(1), c.size(2))),
  memcmp: native('i32', (c) => compareBytes(c.mem, c.ptr(0), c.ptr(1), c.size(2))),
  strchr: native('ptr', (c) => findChar(c.mem, c.ptr(0), byteArg(c, 1))),
  strrchr: native('ptr', (c) => findLastChar(c.mem, c.ptr(0), byteArg(c, 1))),
  strstr: native('ptr', (c) => findString(c.mem, c.ptr(0), c.ptr(1))),
  memchr: native('ptr', (c) => findByte(c.mem, c.ptr(0), byteArg(c, 1), c.size(2))),
  memset: native('ptr', (c) => fillBytes(c.mem, c.ptr(0), byteArg(c, 1), c.size(2))),
  memcpy: native('ptr', (c) => moveBytes(c.mem, c.ptr(0), c.ptr(1), c.size(2))),
  memmove: native('ptr', (c) => moveBytes(c.mem, c.ptr(0), c.ptr(1), c.size(2))),
  strspn: native('i64', (c) => spanOf(c.mem, c.ptr(0), c.ptr(1), true)),
  strcspn: native('i64', (c) => spanOf(c.mem, c.ptr(0), c.ptr(1), false)),
  strpbrk: native('ptr', (c) => {
    const s = c.ptr(0);
    const n = spanOf(c.mem, s, c.ptr(1), false);
    return c.mem.byte(s + n) === 0 ? NULL : s + n;
  }),
  strerror: native('ptr', strerror),
};
