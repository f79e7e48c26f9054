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
 */
import { NO_FRAME } from './frames.ts';
import { MmStruct, bumpGeneration, copyLayout, mmput } from './mm.ts';
import { newLeafTable } from './page-table.ts';
import { PTE_COW, PTE_PRESENT, PTE_USER, PTE_WRITABLE, makePte } from './pte.ts';
import { copyVma } from './vma.ts';

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
 * COW. Returns true when some page of `src` lost its write permission.
 */
function copyPageRangeCow(dst: MmStruct, src: MmStruct): boolean {
  const refcount = src.phys.refcount;
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
      if ((pte & writable) === 0) continue;
      const shared = (pte & ~writable) | cow;
      table[i] = shared;
      copy[i] = shared;
      wrprotected = true;
    }
    dst.pageTable.tables.set(dir, copy);
  }
  return wrprotected;
}

/**
 * Gives `dst` its own copy of every writable (or COW) page of `src` and shares the read-only
 * ones. Returns the number of pages copied, or -1 when a frame could not be had (what was
 * already mapped into `dst` stays there for the caller to release).
 */
function copyPageRangeEager(dst: MmStruct, src: MmStruct): number {
  const phys = src.phys;
  const privateBits = PTE_WRITABLE | PTE_COW;
  let copied = 0;
  for (const [dir, table] of src.pageTable.tables) {
    const copy = newLeafTable();
    dst.pageTable.tables.set(dir, copy);
    for (let i = 0; i < table.length; i++) {
      const pte = table[i];
      if (pte === 0) continue;
      const frame = pte >>> 4;
      if ((pte & privateBits) === 0) {
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
