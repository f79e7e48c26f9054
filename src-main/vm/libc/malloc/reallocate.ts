/**
 * realloc's core (glibc 2.36's _int_realloc, after __libc_realloc's checks): a block grows in
 * place into the top chunk or a free next chunk when it can, else moves (malloc, copy, free);
 * a block that shrinks keeps its place and gives back what it no longer needs.
 */
import { CHUNK_HDR_SZ, MALLOC_ALIGN_MASK, MINSIZE, PREV_INUSE, PAGE, Heap, corrupted } from './heap.ts';
import { OUT_OF_MEMORY, intMalloc, maybeInitTcache } from './allocate.ts';
import { intFree, munmapChunk } from './release.ts';
import { libcMalloc } from './allocate.ts';

/** realloc of user pointer `old` to chunk size nb (> 0): the new user pointer, or 0 when out of memory. */
export function reallocate(h: Heap, old: number, nb: number): number {
  const oldp = old - CHUNK_HDR_SZ;
  const oldSize = h.chunkSize(oldp);
  const wrapLimit = oldSize <= 0 ? -oldSize : 2 ** 64 - oldSize;
  if (oldp > wrapLimit || oldp % 16 !== 0) corrupted('realloc(): invalid pointer');
  if (h.isMmapped(oldp)) return remapChunk(h, oldp, oldSize, nb);
  maybeInitTcache(h);
  if (h.sizeField(oldp) <= CHUNK_HDR_SZ || oldSize >= h.systemMem) corrupted('realloc(): invalid old size');
  const next = oldp + oldSize;
  const nextSize = h.chunkSize(next);
  if (h.sizeField(next) <= CHUNK_HDR_SZ || nextSize >= h.systemMem) corrupted('realloc(): invalid next size');
  let newp = oldp;
  let newSize = oldSize;
  if (oldSize < nb) {
    if (next === h.top && oldSize + nextSize >= nb + MINSIZE) {
      h.setHeadSize(oldp, nb);
      h.top = oldp + nb;
      h.setHead(h.top, (oldSize + nextSize - nb) + PREV_INUSE);
      return old;
    }
    if (next !== h.top && !h.inuseAt(next, nextSize) && oldSize + nextSize >= nb) {
      newSize = oldSize + nextSize;
      h.unlink(next);
    } else {
      const newMem = intMalloc(h, nb - MALLOC_ALIGN_MASK);
      if (newMem === OUT_OF_MEMORY) return OUT_OF_MEMORY;
      newp = newMem - CHUNK_HDR_SZ;
      newSize = h.chunkSize(newp);
      if (newp === next) {
        newSize += oldSize;
        newp = oldp;
      } else {
        h.mem.move(newMem, old, oldSize - 8);
        intFree(h, oldp);
        return newMem;
      }
    }
  }
  const remainderSize = newSize - nb;
  if (remainderSize < MINSIZE) {
    h.setHeadSize(newp, newSize);
    h.setInuseAt(newp, newSize);
  } else {
    const remainder = newp + nb;
    h.setHeadSize(newp, nb);
    h.setHead(remainder, remainderSize + PREV_INUSE);
    h.setInuseAt(remainder, remainderSize);
    intFree(h, remainder);
  }
  return newp + CHUNK_HDR_SZ;
}

/**
 * A mapped chunk (glibc's mremap_chunk): the same pages when their number does not change or
 * they shrink, else a new block with the contents copied and the old mapping given back.
 */
function remapChunk(h: Heap, oldp: number, oldSize: number, nb: number): number {
  const offset = h.prevSize(oldp);
  const block = oldp - offset;
  const total = offset + oldSize;
  const mem = oldp + CHUNK_HDR_SZ;
  if (block % PAGE !== 0 || total % PAGE !== 0 || ((mem % PAGE) & ((mem % PAGE) - 1)) !== 0) corrupted('mremap_chunk(): invalid pointer');
  const newTotal = Math.ceil((nb + offset + 8) / PAGE) * PAGE;
  if (newTotal === total) return mem;
  if (newTotal < total) {
    h.munmap(block + newTotal, total - newTotal);
    h.setHead(oldp, (newTotal - offset) + 2);
    return mem;
  }
  const moved = libcMalloc(h, nb - 8);
  if (moved === OUT_OF_MEMORY) return OUT_OF_MEMORY;
  h.mem.move(moved, mem, oldSize - CHUNK_HDR_SZ);
  munmapChunk(h, oldp);
  return moved;
}
