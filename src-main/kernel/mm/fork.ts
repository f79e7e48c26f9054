/**
 * fork's half of memory management (dup_mm / dup_mmap / copy_page_range): the child gets a copy
 * of the parent's VMAs and page table.
 *
 * Copy-on-write (the default, current Linux): no page is copied. Every private writable page
 * becomes read-only + COW in BOTH page tables and its frame gains a reference; read-only pages
 * are simply shared (their count goes up too). The first write to a COW page, by either side,
 * faults into doWpPage (fault.ts).
 *
 * Eager (the historical fork, `--fork-copy eager`): every present writable page is copied into a
 * new frame right now; read-only pages are still shared.
 *
 * Either way the pages of MAP_SHARED mappings (mmap.ts) are shared as they are, writable: both
 * processes write the same frames.
 */
import { NO_FRAME } from './frames.ts';
import { MmStruct, bumpGeneration, copyLayout, mmput } from './mm.ts';
import { newLeafTable } from './page-table.ts';
import { PTE_COW, PTE_PRESENT, PTE_USER, PTE_WRITABLE, makePte } from './pte.ts';
import { copyVma, hasSharedVma } from './vma.ts';

/** No page ranges (an address space without MAP_SHARED mappings). */
const NO_RANGES: readonly [number, number][] = [];

export interface DupMmOptions {
  /** copy every writable page now instead of sharing it copy-on-write */
  eager?: boolean;
}

/**
 * A copy of `oldMm` for a forked child (users = 1). With copy-on-write it may write-protect the
 * parent's pages (and bumps the parent's generation when it does). Returns { error: 'ENOMEM' }
 * when frames run out during an eager copy, after releasing everything it took: the parent and
 * every frame count are then as before.
 */
export function dupMm(oldMm: MmStruct, options: DupMmOptions = {}): MmStruct | { error: 'ENOMEM' } {
  const mm = new MmStruct(oldMm.phys);
  copyLayout(mm, oldMm);
  mm.sink = oldMm.sink;
  mm.vmas = oldMm.vmas.map(copyVma);
  if (options.eager) {
    const copied = copyPageRangeEager(mm, oldMm);
    if (copied < 0) {
      mmput(mm);
      return { error: 'ENOMEM' };
    }
    oldMm.counters.pagesCopied += copied;
    oldMm.phys.totals.pagesCopied += copied;
  } else if (copyPageRangeCow(mm, oldMm)) {
    bumpGeneration(oldMm);
  }
  return mm;
}

/**
 * Shares every page of `src` with `dst`, write-protecting private writable pages in both as
 * COW; the pages of MAP_SHARED mappings are shared as they are (same frame, same permissions, one
 * more reference). Returns true when some page of `src` lost its write permission.
 */
function copyPageRangeCow(dst: MmStruct, src: MmStruct): boolean {
  const refcount = src.phys.refcount;
  const shared = hasSharedVma(src.vmas) ? sharedPageRanges(src) : NO_RANGES;
  // local copies of the constants keep this hot loop free of module-binding lookups
  const writable = PTE_WRITABLE;
  const cow = PTE_COW;
  let wrprotected = false;
  for (const [dir, table] of src.pageTable.tables) {
    const copy = table.slice();
    for (let i = 0; i < copy.length; i++) {
      const pte = copy[i];
      if (pte === 0) continue;
      refcount[pte >>> 4]++;
      if ((pte & writable) === 0 || (shared.length > 0 && inRanges(shared, dir * table.length + i))) continue;
      const protectedPte = (pte & ~writable) | cow;
      table[i] = protectedPte;
      copy[i] = protectedPte;
      wrprotected = true;
    }
    dst.pageTable.tables.set(dir, copy);
  }
  return wrprotected;
}

/** The page ranges [first vpn, end vpn) of the MAP_SHARED mappings of `mm`. */
function sharedPageRanges(mm: MmStruct): [number, number][] {
  const ps = mm.pageSize;
  return mm.vmas.filter((v) => v.shared).map((v) => [v.start / ps, v.end / ps] as [number, number]);
}

function inRanges(ranges: readonly [number, number][], vpn: number): boolean {
  for (const [first, end] of ranges) if (vpn >= first && vpn < end) return true;
  return false;
}

/**
 * Gives `dst` its own copy of every writable (or COW) page of `src` and shares the read-only
 * ones. Returns the number of pages copied, or -1 when a frame could not be had (what was
 * already mapped into `dst` stays there for the caller to release).
 */
function copyPageRangeEager(dst: MmStruct, src: MmStruct): number {
  const phys = src.phys;
  const privateBits = PTE_WRITABLE | PTE_COW;
  const shared = sharedPageRanges(src);
  let copied = 0;
  for (const [dir, table] of src.pageTable.tables) {
    const copy = newLeafTable();
    dst.pageTable.tables.set(dir, copy);
    for (let i = 0; i < table.length; i++) {
      const pte = table[i];
      if (pte === 0) continue;
      const frame = pte >>> 4;
      if ((pte & privateBits) === 0 || (shared.length > 0 && inRanges(shared, dir * table.length + i))) {
        copy[i] = pte;
        phys.refcount[frame]++;
        continue;
      }
      const newFrame = phys.allocFrame(dst.id);
      if (newFrame === NO_FRAME) return -1;
      phys.copyFrame(newFrame, frame);
      copy[i] = makePte(newFrame, PTE_PRESENT | PTE_USER | PTE_WRITABLE);
      copied++;
    }
  }
  return copied;
}
