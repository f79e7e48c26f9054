/**
 * malloc's side of glibc 2.36's allocator (heap.ts): __libc_malloc with the tcache, _int_malloc
 * (fastbins, small bins, sorting the unsorted bin, large bins, the binmap, the top chunk) and
 * sysmalloc (growing the heap with brk). The functions follow malloc.c step for step, checks
 * and messages included; heap.ts describes the layout.
 */
import {
  BINMAPSIZE, CHUNK_HDR_SZ, IS_MMAPPED, SIZE_SZ, MALLOC_ALIGN_MASK, MAX_FAST, MINSIZE, NBINS, PAGE, PREV_INUSE, TCACHE_COUNT, TCACHE_MAX_BINS,
  TCACHE_STRUCT_SIZE, TOP_PAD, Heap, binIndex, corrupted, fastbinIndex, inSmallbinRange, largebinIndex, requestToSize,
  listWalkLimit, misaligned, smallbinIndex, tcacheIndex, xor64,
} from './heap.ts';
import { consolidate, intFree } from './release.ts';

/** What malloc returns when there is no memory: NULL, with errno ENOMEM. */
export const OUT_OF_MEMORY = 0;

/** MAYBE_INIT_TCACHE: the first allocation makes the tcache, the heap's first chunk. */
export function maybeInitTcache(h: Heap): void {
  if (!h.initialized) h.initialize();
  if (h.tcache !== 0) return;
  const victim = intMalloc(h, TCACHE_STRUCT_SIZE);
  if (victim === OUT_OF_MEMORY) return;
  h.mem.fill(victim, TCACHE_STRUCT_SIZE, 0);
  h.tcache = victim;
}

/** __libc_malloc: a block of `bytes`, or 0 (the caller sets ENOMEM). */
export function libcMalloc(h: Heap, bytes: number): number {
  const nb = requestToSize(bytes);
  if (nb === 0) return OUT_OF_MEMORY;
  maybeInitTcache(h);
  const idx = tcacheIndex(nb);
  if (idx < TCACHE_MAX_BINS && h.tcache !== 0 && h.tcacheCount(idx) > 0) return h.tcacheGet(idx);
  return intMalloc(h, bytes);
}

/** _int_malloc: a chunk for `bytes` from the arena's bins or its top; the user pointer, or 0. */
export function intMalloc(h: Heap, bytes: number): number {
  const nb = requestToSize(bytes);
  if (nb === 0) return OUT_OF_MEMORY;
  if (nb <= MAX_FAST) {
    const fromFastbin = takeFromFastbin(h, nb);
    if (fromFastbin !== 0) return fromFastbin;
  }
  let idx: number;
  if (inSmallbinRange(nb)) {
    idx = smallbinIndex(nb);
    const fromSmallbin = takeFromSmallbin(h, nb, idx);
    if (fromSmallbin !== 0) return fromSmallbin;
  } else {
    idx = largebinIndex(nb);
    if (h.haveFastchunks) consolidate(h);
  }
  const tcIdx = tcacheIndex(nb);
  const tcacheNb = h.tcache !== 0 && tcIdx < TCACHE_MAX_BINS ? nb : 0;
  for (;;) {
    const sorted = sortUnsorted(h, nb, tcacheNb, tcIdx);
    if (sorted.chunk !== 0) return sorted.chunk;
    if (sorted.cached) return h.tcacheGet(tcIdx);
    if (!inSmallbinRange(nb)) {
      const fromLarge = bestFitInBin(h, nb, idx);
      if (fromLarge !== 0) return fromLarge;
    }
    const fromBinmap = searchBinmap(h, nb, idx + 1);
    if (fromBinmap !== 0) return fromBinmap;
    // use_top
    const top = h.top;
    const size = h.chunkSize(top);
    if (size > h.systemMem) corrupted('malloc(): corrupted top size');
    if (size >= nb + MINSIZE) return splitTop(h, top, size, nb);
    if (h.haveFastchunks) {
      consolidate(h);
      idx = binIndex(nb);
      continue;
    }
    return sysmalloc(h, nb);
  }
}

/** The fastbin path: the first chunk of the bin, the rest of the bin moved to the tcache. */
function takeFromFastbin(h: Heap, nb: number): number {
  const idx = fastbinIndex(nb);
  const victim = h.fastbin(idx);
  if (victim === 0) return 0;
  if (misaligned(victim)) corrupted('malloc(): unaligned fastbin chunk detected 2');
  h.setFastbin(idx, xor64(Math.floor((victim + 16) / PAGE), h.fd(victim)));
  if (fastbinIndex(h.chunkSize(victim)) !== idx) corrupted('malloc(): memory corruption (fast)');
  const tcIdx = tcacheIndex(nb);
  if (h.tcache !== 0 && tcIdx < TCACHE_MAX_BINS) fastbinToTcache(h, idx, tcIdx);
  return victim + CHUNK_HDR_SZ;
}

/** Moves the chunks of fastbin idx to tcache bin tcIdx while the tcache (made) has room in that bin. */
export function fastbinToTcache(h: Heap, idx: number, tcIdx: number): void {
  let tcVictim: number;
  while (h.tcacheCount(tcIdx) < TCACHE_COUNT && (tcVictim = h.fastbin(idx)) !== 0) {
    if (misaligned(tcVictim)) corrupted('malloc(): unaligned fastbin chunk detected 3');
    h.setFastbin(idx, xor64(Math.floor((tcVictim + 16) / PAGE), h.fd(tcVictim)));
    h.tcachePut(tcVictim, tcIdx);
  }
}

/** The small bin path: the last chunk of the bin for exactly nb, others of the bin to the tcache. */
function takeFromSmallbin(h: Heap, nb: number, idx: number): number {
  const bin = h.binAt(idx);
  const victim = h.bk(bin);
  if (victim === bin) return 0;
  const bck = h.bk(victim);
  if (h.fd(bck) !== victim) corrupted('malloc(): smallbin double linked list corrupted');
  h.setInuseAt(victim, nb);
  h.setBk(bin, bck);
  h.setFd(bck, bin);
  const tcIdx = tcacheIndex(nb);
  if (h.tcache !== 0 && tcIdx < TCACHE_MAX_BINS) {
    let tcVictim: number;
    while (h.tcacheCount(tcIdx) < TCACHE_COUNT && (tcVictim = h.bk(bin)) !== bin) {
      const b = h.bk(tcVictim);
      h.setInuseAt(tcVictim, nb);
      h.setBk(bin, b);
      h.setFd(b, bin);
      h.tcachePut(tcVictim, tcIdx);
    }
  }
  return victim + CHUNK_HDR_SZ;
}

/**
 * The unsorted bin, oldest first: a small request may take the last remainder, an exact fit is
 * taken (or cached, while the tcache bin has room), every other chunk goes to its bin. Returns a
 * chunk's user pointer, or 0 with `cached` when exact fits went to the tcache.
 */
function sortUnsorted(h: Heap, nb: number, tcacheNb: number, tcIdx: number): { chunk: number; cached: boolean } {
  const unsorted = h.unsorted;
  let cached = false;
  let iters = 0;
  let victim: number;
  while ((victim = h.bk(unsorted)) !== unsorted) {
    const bck = h.bk(victim);
    let size = h.chunkSize(victim);
    const next = victim + size;
    const systemMem = h.systemMem;
    if (size <= CHUNK_HDR_SZ || size > systemMem) corrupted('malloc(): invalid size (unsorted)');
    const nextSizeField = h.sizeField(next);
    if (nextSizeField < CHUNK_HDR_SZ || nextSizeField > systemMem) corrupted('malloc(): invalid next size (unsorted)');
    if (h.prevSize(next) - (h.mem.i32(next) & 7) !== size) corrupted('malloc(): mismatching next->prev_size (unsorted)');
    if (h.fd(bck) !== victim || h.fd(victim) !== unsorted) corrupted('malloc(): unsorted double linked list corrupted');
    if (h.prevInuse(next)) corrupted('malloc(): invalid next->prev_inuse (unsorted)');
    if (inSmallbinRange(nb) && bck === unsorted && victim === h.lastRemainder && size > nb + MINSIZE) {
      const remainderSize = size - nb;
      const remainder = victim + nb;
      h.setBk(unsorted, remainder);
      h.setFd(unsorted, remainder);
      h.lastRemainder = remainder;
      h.setBk(remainder, unsorted);
      h.setFd(remainder, unsorted);
      if (!inSmallbinRange(remainderSize)) {
        h.setFdNextsize(remainder, 0);
        h.setBkNextsize(remainder, 0);
      }
      h.setHead(victim, nb + PREV_INUSE);
      h.setHead(remainder, remainderSize + PREV_INUSE);
      h.setFoot(remainder, remainderSize);
      return { chunk: victim + CHUNK_HDR_SZ, cached: false };
    }
    if (h.fd(bck) !== victim) corrupted('malloc(): corrupted unsorted chunks 3');
    h.setBk(unsorted, bck);
    h.setFd(bck, unsorted);
    if (size === nb) {
      h.setInuseAt(victim, size);
      if (tcacheNb !== 0 && h.tcacheCount(tcIdx) < TCACHE_COUNT) {
        h.tcachePut(victim, tcIdx);
        cached = true;
        continue;
      }
      return { chunk: victim + CHUNK_HDR_SZ, cached: false };
    }
    let victimIndex: number;
    let bckBin: number;
    let fwd: number;
    if (inSmallbinRange(size)) {
      victimIndex = smallbinIndex(size);
      bckBin = h.binAt(victimIndex);
      fwd = h.fd(bckBin);
    } else {
      victimIndex = largebinIndex(size);
      bckBin = h.binAt(victimIndex);
      fwd = h.fd(bckBin);
      if (fwd !== bckBin) {
        size += PREV_INUSE;
        if (size < h.sizeField(h.bk(bckBin))) {
          // smaller than the smallest: at the end, and of the nextsize list
          fwd = bckBin;
          bckBin = h.bk(bckBin);
          h.setFdNextsize(victim, h.fd(fwd));
          h.setBkNextsize(victim, h.bkNextsize(h.fd(fwd)));
          h.setBkNextsize(h.fd(fwd), victim);
          h.setFdNextsize(h.bkNextsize(victim), victim);
        } else {
          for (let walked = 0, limit = listWalkLimit(h); size < h.sizeField(fwd); fwd = h.fdNextsize(fwd)) {
            if (++walked > limit) corrupted('malloc(): largebin double linked list corrupted (nextsize)');
          }
          if (size === h.sizeField(fwd)) {
            fwd = h.fd(fwd);
          } else {
            h.setFdNextsize(victim, fwd);
            h.setBkNextsize(victim, h.bkNextsize(fwd));
            if (h.fdNextsize(h.bkNextsize(fwd)) !== fwd) corrupted('malloc(): largebin double linked list corrupted (nextsize)');
            h.setBkNextsize(fwd, victim);
            h.setFdNextsize(h.bkNextsize(victim), victim);
          }
          bckBin = h.bk(fwd);
          if (h.fd(bckBin) !== fwd) corrupted('malloc(): largebin double linked list corrupted (bk)');
        }
      } else {
        h.setFdNextsize(victim, victim);
        h.setBkNextsize(victim, victim);
      }
    }
    h.markBin(victimIndex);
    h.setBk(victim, bckBin);
    h.setFd(victim, fwd);
    h.setBk(fwd, victim);
    h.setFd(bckBin, victim);
    if (++iters >= 10000) break;
  }
  return { chunk: 0, cached };
}

/** Takes `victim` (size `size`, unlinked) for nb: the rest goes to the unsorted bin if it is a chunk. */
function splitOff(h: Heap, victim: number, size: number, nb: number, message: string, setLastRemainder: boolean): number {
  const remainderSize = size - nb;
  if (remainderSize < MINSIZE) {
    h.setInuseAt(victim, size);
    return victim + CHUNK_HDR_SZ;
  }
  const remainder = victim + nb;
  const bck = h.unsorted;
  const fwd = h.fd(bck);
  if (h.bk(fwd) !== bck) corrupted(message);
  h.setBk(remainder, bck);
  h.setFd(remainder, fwd);
  h.setFd(bck, remainder);
  h.setBk(fwd, remainder);
  if (setLastRemainder) h.lastRemainder = remainder;
  if (!inSmallbinRange(remainderSize)) {
    h.setFdNextsize(remainder, 0);
    h.setBkNextsize(remainder, 0);
  }
  h.setHead(victim, nb + PREV_INUSE);
  h.setHead(remainder, remainderSize + PREV_INUSE);
  h.setFoot(remainder, remainderSize);
  return victim + CHUNK_HDR_SZ;
}

/** A large request: the smallest chunk of its own large bin that fits (the skip list), split. */
function bestFitInBin(h: Heap, nb: number, idx: number): number {
  const bin = h.binAt(idx);
  let victim = h.fd(bin);
  if (victim === bin || h.sizeField(victim) < nb) return 0;
  victim = h.bkNextsize(victim);
  let size: number;
  for (let walked = 0, limit = listWalkLimit(h); (size = h.chunkSize(victim)) < nb; victim = h.bkNextsize(victim)) {
    if (++walked > limit) corrupted('malloc(): largebin double linked list corrupted (nextsize)');
  }
  if (victim !== h.bk(bin) && h.sizeField(victim) === h.sizeField(h.fd(victim))) victim = h.fd(victim);
  h.unlink(victim);
  return splitOff(h, victim, size, nb, 'malloc(): corrupted unsorted chunks', false);
}

/** The binmap search: the first non-empty bin from `idx` up, its last chunk split for nb. */
function searchBinmap(h: Heap, nb: number, startIdx: number): number {
  let idx = startIdx;
  let bin = h.binAt(idx);
  let block = idx >> 5;
  let map = h.binmap(block);
  let bit = (1 << (idx & 31)) >>> 0;
  for (;;) {
    if (bit > map || bit === 0) {
      do {
        if (++block >= BINMAPSIZE) return 0;
      } while ((map = h.binmap(block)) === 0);
      idx = block << 5;
      bin = h.binAt(idx);
      bit = 1;
    }
    while ((bit & map) === 0) {
      bin += 16;
      idx++;
      bit = (bit << 1) >>> 0;
    }
    const victim = h.bk(bin);
    if (victim === bin) {
      map = (map & ~bit) >>> 0;
      h.setBinmap(block, map);
      bin += 16;
      idx++;
      bit = (bit << 1) >>> 0;
      continue;
    }
    const size = h.chunkSize(victim);
    h.unlink(victim);
    return splitOff(h, victim, size, nb, 'malloc(): corrupted unsorted chunks 2', inSmallbinRange(nb));
  }
}

/** nb bytes from the start of the top chunk; the rest stays the top. */
function splitTop(h: Heap, top: number, size: number, nb: number): number {
  const remainder = top + nb;
  h.top = remainder;
  h.setHead(top, nb + PREV_INUSE);
  h.setHead(remainder, (size - nb) + PREV_INUSE);
  return top + CHUNK_HDR_SZ;
}

/**
 * sysmalloc: a large request gets a mapping of its own; otherwise the heap grows with brk so
 * that top can hold nb, and top is split.
 */
function sysmalloc(h: Heap, nb: number): number {
  if (nb >= h.mmapThreshold) {
    const mapped = mmapChunk(h, nb);
    if (mapped !== 0) return mapped;
  }
  const oldTop = h.top;
  const oldSize = h.chunkSize(oldTop);
  const oldEnd = oldTop + oldSize;
  let size = nb + TOP_PAD + MINSIZE - oldSize;
  size = Math.ceil(size / PAGE) * PAGE;
  const brk = grow(h, size);
  if (brk === -1) return OUT_OF_MEMORY;
  if (h.sbrkBase === 0) h.sbrkBase = brk;
  h.systemMem = h.systemMem + size;
  if (brk === oldEnd && oldSize !== 0) {
    h.setHead(oldTop, (size + oldSize) + PREV_INUSE);
  } else {
    // the first time (or after a foreign sbrk): a new top at the aligned break
    let correction = 0;
    let alignedBrk = brk;
    if (oldSize !== 0) h.systemMem = h.systemMem + (brk - oldEnd);
    const frontMisalign = (brk + CHUNK_HDR_SZ) % 16;
    if (frontMisalign > 0) {
      correction = 16 - frontMisalign;
      alignedBrk += correction;
    }
    correction += oldSize;
    const endMisalign = brk + size + correction;
    correction += Math.ceil(endMisalign / PAGE) * PAGE - endMisalign;
    let sndBrk = grow(h, correction);
    if (sndBrk === -1) {
      correction = 0;
      sndBrk = h.brk(0);
    }
    h.top = alignedBrk;
    h.setHead(alignedBrk, (sndBrk - alignedBrk + correction) + PREV_INUSE);
    h.systemMem = h.systemMem + correction;
    if (oldSize !== 0) fencepost(h, oldTop, oldSize);
  }
  const top = h.top;
  const topSize = h.chunkSize(top);
  if (topSize >= nb + MINSIZE) return splitTop(h, top, topSize, nb);
  return OUT_OF_MEMORY;
}

/** sysmalloc_mmap: a chunk alone in a new mapping (prev_size 0, size | IS_MMAPPED); 0 when mmap fails. */
function mmapChunk(h: Heap, nb: number): number {
  const size = Math.ceil((nb + SIZE_SZ) / PAGE) * PAGE;
  const mm = h.mmap(size);
  if (mm === -1) return 0;
  h.setPrevSize(mm, 0);
  h.setHead(mm, size + IS_MMAPPED);
  h.mappedChunks = h.mappedChunks + 1;
  return mm + CHUNK_HDR_SZ;
}

/** sbrk(increment): the old break, or -1 when the kernel refused. */
function grow(h: Heap, increment: number): number {
  const old = h.brk(0);
  if (increment === 0) return old;
  return h.brk(old + increment) === old + increment ? old : -1;
}

/** Two in-use fenceposts at the end of the old top (it cannot merge with space the heap does not own); its rest is freed. */
function fencepost(h: Heap, oldTop: number, oldSizeIn: number): void {
  const oldSize = (oldSizeIn - 2 * CHUNK_HDR_SZ) & ~MALLOC_ALIGN_MASK;
  h.setHead(oldTop, oldSize + PREV_INUSE);
  h.setHead(oldTop + oldSize, CHUNK_HDR_SZ + PREV_INUSE);
  h.setHead(oldTop + oldSize + CHUNK_HDR_SZ, CHUNK_HDR_SZ + PREV_INUSE);
  if (oldSize >= MINSIZE) intFree(h, oldTop);
}

export { NBINS };
