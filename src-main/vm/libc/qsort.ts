/**
 * qsort, as glibc 2.36 sorts: its merge sort (stdlib/msort.c), comparison for comparison, so a
 * comparator that counts or prints its calls sees the same calls in the same order, and equal
 * elements keep their order. Elements larger than 32 bytes are sorted through an array of
 * pointers and moved into place at the end, as glibc does.
 *
 * The C runtime's qsort (crt.ts) sets up a state in its frame (__lab_sort_start) and calls
 * __lab_sort_run once. Each time that native needs a comparison it calls the comparator itself
 * (upcall.ts), and the comparator returns into the same call of __lab_sort_run, which takes the
 * result, moves elements up to the next comparison, and calls again, until the array is sorted.
 * The whole state of the sort (the stack of msort_with_tmp's recursive calls, the merge in
 * progress) is in that frame: a fork in a comparator copies it like any other memory.
 */
import { native, type NativeTable } from './native.ts';
import type { UserMemory } from '../user-memory.ts';
import { callBack } from './upcall.ts';
import { offsetIn, writeView } from '../memory-ops.ts';

/**
 * The state's header: numbers stored as doubles (exact for every address and count), at these
 * byte offsets of struct __lab_sort (see <stdlib.h> in lang/headers: SORT_STATE_SIZE bytes).
 */
const CMP = 0; //         the comparator
const BASE = 8; //        the array given to qsort
const COUNT = 16; //      its number of elements
const ELEMENT = 24; //    the element size given to qsort
const SIZE = 32; //       bytes per item sorted (8 when sorting pointers to the elements)
const INDIRECT = 40; //   1 when sorting pointers to elements larger than 32 bytes
const TMP = 48; //        the temporary area (n items, or 2n pointers and one element)
const DEPTH = 56; //      calls on the stack of frames below
const MERGING = 64; //    1 while the top call merges its two halves, 2 while a comparison is out
const B1 = 72; //         the merge: next item of the left half,
const B2 = 80; //                    of the right half,
const N1 = 88; //                    items left in each half,
const N2 = 96;
const OUT = 104; //                  and where the next one goes in TMP
const HEADER = 112;
/** the recursion of msort_with_tmp: (b, n, stage) per call, 24 bytes each */
const FRAMES = HEADER;
const MAX_FRAMES = 64;

/** Size of struct __lab_sort, which <stdlib.h> must declare with this size. */
export const SORT_STATE_SIZE = FRAMES + MAX_FRAMES * 24;

/** What a call of msort_with_tmp still has to do: sort its left half, its right half, or merge them. */
const enum Stage {
  Left = 0,
  Right = 1,
  Merge = 2,
}

/** Bytes of temporary memory glibc's qsort uses for n elements of `size` bytes. */
export function sortScratchSize(n: number, size: number): number {
  return size > 32 ? 2 * n * 8 + size : n * size;
}

/**
 * The header of one sort state, read with a single translation when it lies in one page (through
 * the page's own view, made writable), else through a copy that is written back (commit). One
 * object serves every call (library calls do not nest): open() points it at a state.
 */
class Header {
  view: DataView = new DataView(new ArrayBuffer(HEADER));
  /** where the header starts in `view` */
  base = 0;
  private copied = false;
  private mem: UserMemory | null = null;
  private at = 0;

  /** Points this header at the state at `at` in `mem`. */
  open(mem: UserMemory, at: number): this {
    const page = writeView(mem.tlb, at);
    const offset = offsetIn(mem.tlb, at, HEADER);
    this.mem = mem;
    this.at = at;
    this.copied = offset < 0;
    this.view = offset < 0 ? new DataView(mem.read(at, HEADER).buffer) : page;
    this.base = offset < 0 ? 0 : offset;
    // the header is written through the page's view: memcheck hears of it here (commit tells it otherwise)
    if (offset >= 0 && mem.written !== null) mem.written(at, HEADER);
    return this;
  }

  get(field: number): number {
    return this.view.getFloat64(this.base + field, true);
  }

  set(field: number, value: number): void {
    this.view.setFloat64(this.base + field, value, true);
  }

  /** Writes a copied header back to memory. */
  commit(): void {
    if (this.copied) this.mem!.write(this.at, new Uint8Array(this.view.buffer));
  }
}
const header = new Header();

/**
 * __lab_sort_start(st, base, n, size, tmp, cmp): sets up the state; for elements over 32 bytes it
 * fills tmp's second part with a pointer to each element, which is what gets sorted.
 */
function start(mem: UserMemory, at: number, base: number, n: number, size: number, tmp: number, cmp: number): void {
  const indirect = size > 32;
  mem.fill(at, HEADER, 0);
  const h = header.open(mem, at);
  h.set(CMP, cmp);
  h.set(BASE, base);
  h.set(COUNT, n);
  h.set(ELEMENT, size);
  h.set(SIZE, indirect ? 8 : size);
  h.set(INDIRECT, indirect ? 1 : 0);
  h.set(TMP, tmp);
  let sorted = base;
  if (indirect) {
    sorted = tmp + n * 8;
    for (let i = 0; i < n; i++) mem.setPointer(sorted + 8 * i, base + i * size);
  }
  push(mem, at, h, sorted, n);
  h.commit();
}

/**
 * __lab_sort_run(result, st): applies the result of the comparison the comparator just made
 * (if one was out), then moves items up to the next comparison and calls the comparator, or
 * finishes the sort and returns.
 */
/** The comparison run() asks for (one object, reused: library calls do not nest). */
interface Comparison {
  a: number;
  b: number;
  cmp: number;
}
const comparison: Comparison = { a: 0, b: 0, cmp: 0 };
const comparedPair = [0, 0];

function run(mem: UserMemory, at: number, result: number): Comparison | null {
  const h = header.open(mem, at);
  // the merge's fields, read and written in the header's view directly (the hot path: once a comparison)
  const v = h.view;
  const o = h.base;
  try {
    if (v.getFloat64(o + MERGING, true) === 2) {
      v.setFloat64(o + MERGING, 1, true);
      takeOne(mem, v, o, result <= 0);
    }
    for (;;) {
      if (v.getFloat64(o + MERGING, true) !== 0) {
        if (v.getFloat64(o + N1, true) > 0 && v.getFloat64(o + N2, true) > 0) {
          v.setFloat64(o + MERGING, 2, true);
          const b1 = v.getFloat64(o + B1, true);
          const b2 = v.getFloat64(o + B2, true);
          const indirect = v.getFloat64(o + INDIRECT, true) !== 0;
          comparison.a = indirect ? mem.pointer(b1) : b1;
          comparison.b = indirect ? mem.pointer(b2) : b2;
          comparison.cmp = v.getFloat64(o + CMP, true);
          return comparison;
        }
        finishMerge(mem, at, h);
        continue;
      }
      const depth = h.get(DEPTH);
      if (depth === 0) {
        if (h.get(INDIRECT) !== 0) permute(mem, h);
        return null;
      }
      step(mem, at, h, frameAt(at, depth - 1));
    }
  } finally {
    h.commit();
  }
}

/** Address of call i of the recursion (b, n, stage: 8 bytes each). */
function frameAt(at: number, i: number): number {
  return at + FRAMES + 24 * i;
}

/** A new call of msort_with_tmp on the n items at b. */
function push(mem: UserMemory, at: number, h: Header, b: number, n: number): void {
  const depth = h.get(DEPTH);
  if (depth >= MAX_FRAMES) throw new Error('internal error: qsort recursion deeper than 64');
  const frame = frameAt(at, depth);
  mem.setPointer(frame, b);
  mem.setPointer(frame + 8, n);
  mem.setPointer(frame + 16, Stage.Left);
  h.set(DEPTH, depth + 1);
}

/** Advances the top call of msort_with_tmp: sort the left half, then the right, then merge. */
function step(mem: UserMemory, at: number, h: Header, frame: number): void {
  const b = mem.pointer(frame);
  const n = mem.pointer(frame + 8);
  const stage = mem.pointer(frame + 16) as Stage;
  const n1 = Math.floor(n / 2);
  const size = h.get(SIZE);
  if (stage === Stage.Left) {
    if (n <= 1) {
      h.set(DEPTH, h.get(DEPTH) - 1);
      return;
    }
    mem.setPointer(frame + 16, Stage.Right);
    push(mem, at, h, b, n1);
  } else if (stage === Stage.Right) {
    mem.setPointer(frame + 16, Stage.Merge);
    push(mem, at, h, b + n1 * size, n - n1);
  } else {
    h.set(B1, b);
    h.set(B2, b + n1 * size);
    h.set(N1, n1);
    h.set(N2, n - n1);
    h.set(OUT, h.get(TMP));
    h.set(MERGING, 1);
  }
}

/**
 * Moves the next item of the left half (`left`) or of the right half to the merge output (the
 * header at offset o of view v).
 */
function takeOne(mem: UserMemory, v: DataView, o: number, left: boolean): void {
  const size = v.getFloat64(o + SIZE, true);
  const from = o + (left ? B1 : B2);
  const count = o + (left ? N1 : N2);
  const out = v.getFloat64(o + OUT, true);
  const item = v.getFloat64(from, true);
  mem.move(out, item, size);
  v.setFloat64(from, item + size, true);
  v.setFloat64(count, v.getFloat64(count, true) - 1, true);
  v.setFloat64(o + OUT, out + size, true);
}

/** The end of msort_with_tmp: the left half's rest, then the merged run back over the array. */
function finishMerge(mem: UserMemory, at: number, h: Header): void {
  const size = h.get(SIZE);
  const n1 = h.get(N1);
  if (n1 > 0) mem.move(h.get(OUT), h.get(B1), n1 * size);
  const depth = h.get(DEPTH);
  const frame = frameAt(at, depth - 1);
  mem.move(mem.pointer(frame), h.get(TMP), (mem.pointer(frame + 8) - h.get(N2)) * size);
  h.set(MERGING, 0);
  h.set(DEPTH, depth - 1);
}

/** Indirect sorting's last step: moves the elements into the order of the sorted pointers (glibc's cycle walk). */
function permute(mem: UserMemory, h: Header): void {
  const base = h.get(BASE);
  const n = h.get(COUNT);
  const s = h.get(ELEMENT);
  const tp = h.get(TMP) + n * 8;
  const spare = tp + n * 8;
  for (let i = 0, ip = base; i < n; i++, ip += s) {
    let kp = mem.pointer(tp + 8 * i);
    if (kp === ip) continue;
    let j = i;
    let jp = ip;
    mem.move(spare, ip, s);
    do {
      const k = (kp - base) / s;
      mem.setPointer(tp + 8 * j, jp);
      mem.move(jp, kp, s);
      j = k;
      jp = kp;
      kp = mem.pointer(tp + 8 * k);
    } while (kp !== ip);
    mem.setPointer(tp + 8 * j, jp);
    mem.move(jp, spare, s);
  }
}

export const SORT_NATIVES: NativeTable = {
  __lab_sort_scratch: native('i64', (c) => sortScratchSize(c.size(0), c.size(1))),
  __lab_sort_start: native('void', (c) => {
    start(c.mem, c.ptr(0), c.ptr(1), c.size(2), c.size(3), c.ptr(4), c.ptr(5));
    return undefined;
  }),
  __lab_sort_run: native('void', (c) => {
    const next = run(c.mem, c.ptr(1), c.i32(0));
    if (next === null) return undefined;
    comparedPair[0] = next.a;
    comparedPair[1] = next.b;
    return callBack(c, next.cmp, comparedPair);
  }),
};
