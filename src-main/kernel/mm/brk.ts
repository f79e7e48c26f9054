/**
 * The program break (sys_brk / do_brk): the end of the heap, which malloc moves with sbrk.
 * The heap VMA covers [startBrk, brk rounded up to a page); its pages are demand-zero.
 */
import type { MmStruct } from './mm.ts';
import { ADDRESS_LIMIT, bumpGeneration } from './mm.ts';
import { zapPageRange } from './unmap.ts';
import type { Vma } from './vma.ts';
import { insertVma, pageAlignUp, rangeIsFree } from './vma.ts';

/**
 * Moves the break to `newBrk`, as Linux's brk system call: returns the new break, or the old
 * one when the request is refused (below the heap's start, into another mapping, or larger than
 * all of physical memory, which Linux's overcommit heuristic would refuse too). Shrinking unmaps
 * the pages above the new break (freeing their frames) and bumps the generation.
 */
export function doBrk(mm: MmStruct, newBrk: number): number {
  if (!Number.isFinite(newBrk) || newBrk < mm.startBrk || newBrk >= ADDRESS_LIMIT) return mm.brk;
  const ps = mm.pageSize;
  const heap = heapVma(mm);
  const oldEnd = pageAlignUp(mm.brk, ps);
  const newEnd = pageAlignUp(newBrk, ps);
  if (newEnd < oldEnd) {
    zapPageRange(mm, newEnd, oldEnd);
    bumpGeneration(mm);
  } else if (newEnd > oldEnd && !heapMayGrowTo(mm, heap, newEnd)) {
    return mm.brk;
  }
  heap.end = newEnd;
  mm.brk = newBrk;
  return newBrk;
}

/** True when the heap may be extended to end at `newEnd`. */
function heapMayGrowTo(mm: MmStruct, heap: Vma, newEnd: number): boolean {
  const pages = (newEnd - mm.startBrk) / mm.pageSize;
  if (pages > mm.phys.maxFrames) return false;
  return rangeIsFree(mm.vmas, heap.start, newEnd + mm.pageSize, heap);
}

/** The heap VMA (created empty at startBrk if the address space has none). */
function heapVma(mm: MmStruct): Vma {
  let heap = mm.vmas.find((v) => v.kind === 'heap');
  if (heap === undefined) {
    const start = pageAlignUp(mm.startBrk, mm.pageSize);
    heap = { kind: 'heap', name: '[heap]', start, end: start, readable: true, writable: true, growsDown: false };
    insertVma(mm.vmas, heap);
  }
  return heap;
}
