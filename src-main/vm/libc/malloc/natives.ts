/**
 * malloc, free, calloc and realloc: glibc 2.36's allocator (heap.ts, allocate.ts, release.ts)
 * on the calling process's memory. When a check fails the lab does what glibc does, writing
 * the message to stderr and aborting (SIGABRT, exit status 134), and adds a teaching warning
 * that says in plain words what went wrong on which line.
 */
import { native, type NativeCall, type NativeResult, type NativeTable } from '../native.ts';
import { CHUNK_HDR_SZ, HeapCorruption, Heap, requestToSize } from './heap.ts';
import { OUT_OF_MEMORY, intMalloc, libcMalloc, maybeInitTcache } from './allocate.ts';
import { intFree, libcFree } from './release.ts';
import { NOT_HANDLED, freeFast, mallocFast } from './fast-paths.ts';
import { reallocate } from './reallocate.ts';
import type { WarningKind } from '../../../kernel/warnings.ts';

const ENOMEM = 12;
const encoder = new TextEncoder();

/**
 * The calling process's heap, its state to be read afresh (one object for all the calls of a
 * task, kept on its call object: a call object serves one task and program, so its heap does not change).
 */
export function heapOf(c: NativeCall): Heap {
  const h = c.heap as Heap | null;
  if (h !== null) return h.forgetCachedState();
  const made = new Heap(c.mem, c.staticBuffer('malloc'), c.sys);
  c.heap = made;
  return made;
}

/** What a failed check says to a student: the warning's kind and its explanation. */
function explain(glibcMessage: string, operation: string): { kind: WarningKind; text: string } {
  const stops = `glibc stops the program with "${glibcMessage}"`;
  if (glibcMessage.includes('double free')) {
    return { kind: 'double-free', text: `${operation}() was given a block that was already freed (a double free): after free(p), do not free p again; set p = NULL. ${stops}` };
  }
  if (glibcMessage.includes('invalid pointer') || glibcMessage.includes('free(): invalid size')) {
    return { kind: 'invalid-free', text: `${operation}() was given a pointer that malloc did not return: pass it exactly the pointer malloc gave, once. ${stops}` };
  }
  return { kind: 'heap-overflow', text: `${operation}() found the heap's bookkeeping overwritten: the program wrote past the end (or before the start) of a block from malloc. ${stops}` };
}

/**
 * A check failed during `operation`: prints glibc's message on stderr, warns, and aborts the
 * process (the call's result is then never seen).
 */
function abortOnCorruption(c: NativeCall, operation: string, e: unknown): void {
  if (!(e instanceof HeapCorruption)) throw e;
  const why = explain(e.glibcMessage, operation);
  c.sys.warn(why.kind, why.text);
  c.sys.write(2, encoder.encode(`${e.glibcMessage}\n`));
  c.sys.abort();
}

/**
 * malloc for the library's own use (stdio's buffers): the block, 0 when out of memory, or -1
 * when the heap failed a check and the process is being aborted (the caller must stop).
 */
export function libraryMalloc(c: NativeCall, bytes: number): number {
  try {
    return libcMalloc(heapOf(c), bytes);
  } catch (e) {
    abortOnCorruption(c, 'malloc', e);
    return -1;
  }
}

/** malloc(size): NULL with ENOMEM when the heap cannot grow. */
function malloc(c: NativeCall): NativeResult {
  try {
    const h = heapOf(c);
    const bytes = c.size(0);
    const fast = mallocFast(h, bytes);
    if (fast !== NOT_HANDLED) return fast;
    const p = libcMalloc(h, bytes);
    if (p === OUT_OF_MEMORY) c.setErrno(ENOMEM);
    return p;
  } catch (e) {
    abortOnCorruption(c, 'malloc', e);
    return 0;
  }
}

/** free(ptr): errno is kept, as glibc keeps it. */
function free(c: NativeCall): NativeResult {
  try {
    const h = heapOf(c);
    const mem = c.ptr(0);
    if (mem !== 0 && freeFast(h, mem)) return undefined;
    libcFree(h, mem);
  } catch (e) {
    abortOnCorruption(c, 'free', e);
  }
  return undefined;
}

/**
 * calloc(n, size): glibc takes the chunk from _int_malloc (never from the tcache) and zeroes it,
 * except the part that comes fresh from the kernel (already zero): the top's never-used end, or
 * a whole chunk mapped on its own.
 */
function calloc(c: NativeCall): NativeResult {
  try {
    const n = c.size(0);
    const size = c.size(1);
    const bytes = n * size;
    if (bytes >= 2 ** 63 || (size !== 0 && n > Number.MAX_SAFE_INTEGER / size)) {
      c.setErrno(ENOMEM);
      return 0;
    }
    const h = heapOf(c);
    maybeInitTcache(h);
    // memory beyond the most the heap ever had is fresh from the kernel, hence zero already
    const oldTop = h.top;
    const oldTopSize = Math.max(h.chunkSize(oldTop), h.sbrkBase + h.maxSystemMem - oldTop);
    const mem = intMalloc(h, bytes);
    if (mem === OUT_OF_MEMORY) {
      c.setErrno(ENOMEM);
      return 0;
    }
    const p = mem - CHUNK_HDR_SZ;
    // a chunk in a mapping of its own is fresh from the kernel (glibc returns it as it is)
    if (h.isMmapped(p)) return mem;
    let chunkSize = h.chunkSize(p);
    if (p === oldTop && chunkSize > oldTopSize) chunkSize = oldTopSize;
    c.mem.fill(mem, chunkSize - 8, 0);
    return mem;
  } catch (e) {
    abortOnCorruption(c, 'calloc', e);
    return 0;
  }
}

/** realloc(ptr, size) as glibc: realloc(NULL, n) mallocs, realloc(p, 0) frees and returns NULL. */
function realloc(c: NativeCall): NativeResult {
  try {
    const h = heapOf(c);
    const old = c.ptr(0);
    const bytes = c.size(1);
    if (bytes === 0 && old !== 0) {
      libcFree(h, old);
      return 0;
    }
    const nb = requestToSize(bytes);
    const p = old === 0 ? libcMalloc(h, bytes) : nb === 0 ? OUT_OF_MEMORY : reallocate(h, old, nb);
    if (p === OUT_OF_MEMORY) c.setErrno(ENOMEM);
    return p;
  } catch (e) {
    abortOnCorruption(c, 'realloc', e);
    return 0;
  }
}

export const MALLOC_NATIVES: NativeTable = {
  malloc: native('ptr', malloc),
  free: native('void', free),
  calloc: native('ptr', calloc),
  realloc: native('ptr', realloc),
};

export { intFree };
