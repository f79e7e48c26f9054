/**
 * Unmapping pages (zap_page_range): used when brk shrinks, by munmap, and when the last user of
 * an address space lets go of it (exit_mmap).
 */
import type { MmStruct } from './mm.ts';
import { pteFrame } from './pte.ts';

/**
 * Removes the page table entries of every page in [start, end) and drops one reference on each
 * frame they pointed to. Does not touch the VMA list and does not bump the generation (the
 * caller does, once). Returns the number of pages unmapped.
 */
export function zapPageRange(mm: MmStruct, start: number, end: number): number {
  const ps = mm.pageSize;
  let unmapped = 0;
  mm.pageTable.clearRange(Math.floor(start / ps), Math.ceil(end / ps), (_vpn, pte) => {
    mm.phys.putFrame(pteFrame(pte), mm.id);
    unmapped++;
  });
  return unmapped;
}
