/**
 * free's side of glibc 2.36's allocator (heap.ts): __libc_free and _int_free (the tcache with its
 * double-free check, fastbins, merging with free neighbours or the top), malloc_consolidate and
 * systrim (giving the top of the heap back with brk). Checks and messages are malloc.c's.
 */
import {
  CHUNK_HDR_SZ, FASTBIN_CONSOLIDATION_THRESHOLD, MAX_FAST, MINSIZE, MMAP_THRESHOLD_MAX, NFASTBINS, PAGE, PREV_INUSE,
  TCACHE_COUNT, TCACHE_MAX_BINS, TOP_PAD, Heap, corrupted, fastbinIndex, inSmallbinRange, listWalkLimit, misaligned, tcacheIndex, xor64,
} from './heap.ts';

/** __libc_free of user pointer `mem` (0 is allowed). */
export function libcFree(h: Heap, mem: number): void {
  if (mem === 0) return;
  const p = mem - CHUNK_HDR_SZ;
  if (!h.initialized) h.initialize();
  if (h.isMmapped(p)) {
    const field = h.sizeField(p);
    if (field > h.mmapThreshold && field <= MMAP_THRESHOLD_MAX) h.raiseMmapThreshold(h.chunkSize(p));
    return munmapChunk(h, p);
  }
  intFree(h, p);
}

/** munmap_chunk: gives a chunk's own mapping back, after glibc's check that it looks like one. */
export function munmapChunk(h: Heap, p: number): void {
  const size = h.chunkSize(p);
  const block = p - h.prevSize(p);
  const total = h.prevSize(p) + size;
  const offset = (p + CHUNK_HDR_SZ) % PAGE;
  if ((block % PAGE) !== 0 || (total % PAGE) !== 0 || (offset & (offset - 1)) !== 0) corrupted('munmap_chunk(): invalid pointer');
  h.mappedChunks = h.mappedChunks - 1;
  h.munmap(block, total);
}

/** _int_free: chunk p goes to the tcache, a fastbin, or (merged with free neighbours) the unsorted bin or the top. */
export function intFree(h: Heap, p: number): void {
  const size = h.chunkSize(p);
  // (uintptr_t) p > (uintptr_t) -size: a chunk would wrap around the address space
  const wrapLimit = size <= 0 ? -size : 2 ** 64 - size;
  if (p > wrapLimit || misaligned(p)) corrupted('free(): invalid pointer');
  if (size < MINSIZE || misaligned(size)) corrupted('free(): invalid size');
  if (intoTcache(h, p, size)) return;
  if (size <= MAX_FAST) return intoFastbin(h, p, size);
  mergeAndBin(h, p, size);
}

/** The tcache part of _int_free: the double-free check, then the entry if its bin has room. */
function intoTcache(h: Heap, p: number, size: number): boolean {
  const idx = tcacheIndex(size);
  if (h.tcache === 0 || idx >= TCACHE_MAX_BINS) return false;
  const e = p + CHUNK_HDR_SZ;
  if (h.word(e + 8) === h.tcacheKey) {
    let count = 0;
    for (let tmp = h.tcacheEntry(idx); tmp !== 0; tmp = xor64(Math.floor(tmp / PAGE), h.word(tmp)), count++) {
      if (count >= TCACHE_COUNT) corrupted('free(): too many chunks detected in tcache');
      if (misaligned(tmp)) corrupted('free(): unaligned chunk detected in tcache 2');
      if (tmp === e) corrupted('free(): double free detected in tcache 2');
    }
  }
  if (h.tcacheCount(idx) >= TCACHE_COUNT) return false;
  h.tcachePut(p, idx);
  return true;
}

/** The fastbin part of _int_free: p becomes the first chunk of its fastbin. */
function intoFastbin(h: Heap, p: number, size: number): void {
  const next = p + size;
  if (h.sizeField(next) <= CHUNK_HDR_SZ || h.chunkSize(next) >= h.systemMem) corrupted('free(): invalid next size (fast)');
  h.haveFastchunks = true;
  const idx = fastbinIndex(size);
  const old = h.fastbin(idx);
  if (old === p) corrupted('double free or corruption (fasttop)');
  h.setFd(p, xor64(Math.floor((p + 16) / PAGE), old));
  h.setFastbin(idx, p);
}

/** The rest of _int_free: merge with free neighbours, then the unsorted bin or the top; maybe trim. */
function mergeAndBin(h: Heap, pIn: number, sizeIn: number): void {
  let p = pIn;
  let size = sizeIn;
  const next = p + size;
  const top = h.top;
  if (p === top) corrupted('double free or corruption (top)');
  if (next >= top + h.chunkSize(top)) corrupted('double free or corruption (out)');
  if (!h.prevInuse(next)) corrupted('double free or corruption (!prev)');
  const nextSize = h.chunkSize(next);
  if (h.sizeField(next) <= CHUNK_HDR_SZ || nextSize >= h.systemMem) corrupted('free(): invalid next size (normal)');
  if (!h.prevInuse(p)) {
    const prevSize = h.prevSize(p);
    size += prevSize;
    p -= prevSize;
    if (h.chunkSize(p) !== prevSize) corrupted('corrupted size vs. prev_size while consolidating');
    h.unlink(p);
  }
  if (next !== top) {
    if (!h.inuseAt(next, nextSize)) {
      h.unlink(next);
      size += nextSize;
    } else {
      h.clearInuseAt(next, 0);
    }
    const bck = h.unsorted;
    const fwd = h.fd(bck);
    if (h.bk(fwd) !== bck) corrupted('free(): corrupted unsorted chunks');
    h.setFd(p, fwd);
    h.setBk(p, bck);
    if (!inSmallbinRange(size)) {
      h.setFdNextsize(p, 0);
      h.setBkNextsize(p, 0);
    }
    h.setFd(bck, p);
    h.setBk(fwd, p);
    h.setHead(p, size + PREV_INUSE);
    h.setFoot(p, size);
  } else {
    size += nextSize;
    h.setHead(p, size + PREV_INUSE);
    h.top = p;
  }
  if (size >= FASTBIN_CONSOLIDATION_THRESHOLD) {
    if (h.haveFastchunks) consolidate(h);
    if (h.chunkSize(h.top) >= h.trimThreshold) systrim(h);
  }
}

/** malloc_consolidate: every fastbin chunk merged with its free neighbours, into the unsorted bin or the top. */
export function consolidate(h: Heap): void {
  h.haveFastchunks = false;
  const unsorted = h.unsorted;
  for (let fb = 0; fb < NFASTBINS; fb++) {
    let p = h.fastbin(fb);
    h.setFastbin(fb, 0);
    for (let walked = 0, limit = listWalkLimit(h); p !== 0; ) {
      if (++walked > limit) corrupted('malloc_consolidate(): invalid chunk size');
      if (misaligned(p)) corrupted('malloc_consolidate(): unaligned fastbin chunk detected');
      if (fastbinIndex(h.chunkSize(p)) !== fb) corrupted('malloc_consolidate(): invalid chunk size');
      const nextp = xor64(Math.floor((p + 16) / PAGE), h.fd(p));
      let size = h.chunkSize(p);
      const next = p + size;
      const nextSize = h.chunkSize(next);
      if (!h.prevInuse(p)) {
        const prevSize = h.prevSize(p);
        size += prevSize;
        p -= prevSize;
        if (h.chunkSize(p) !== prevSize) corrupted('corrupted size vs. prev_size in fastbins');
        h.unlink(p);
      }
      if (next !== h.top) {
        if (!h.inuseAt(next, nextSize)) {
          size += nextSize;
          h.unlink(next);
        } else {
          h.clearInuseAt(next, 0);
        }
        const first = h.fd(unsorted);
        h.setFd(unsorted, p);
        h.setBk(first, p);
        if (!inSmallbinRange(size)) {
          h.setFdNextsize(p, 0);
          h.setBkNextsize(p, 0);
        }
        h.setHead(p, size + PREV_INUSE);
        h.setBk(p, unsorted);
        h.setFd(p, first);
        h.setFoot(p, size);
      } else {
        size += nextSize;
        h.setHead(p, size + PREV_INUSE);
        h.top = p;
      }
      p = nextp;
    }
  }
}

/** systrim: gives the top chunk's whole pages beyond the pad back to the system with brk. */
function systrim(h: Heap): void {
  const top = h.top;
  const topSize = h.chunkSize(top);
  const topArea = topSize - MINSIZE - 1;
  if (topArea <= TOP_PAD) return;
  const extra = Math.floor((topArea - TOP_PAD) / PAGE) * PAGE;
  if (extra === 0) return;
  const current = h.brk(0);
  if (current !== top + topSize) return;
  const after = h.brk(current - extra);
  const released = current - after;
  if (released !== 0) {
    h.systemMem = h.systemMem - released;
    h.setHead(top, (topSize - released) + PREV_INUSE);
  }
}
