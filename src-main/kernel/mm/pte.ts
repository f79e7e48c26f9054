/**
 * Page table entries. An entry is one 32-bit integer: the frame number in the high bits and
 * four flag bits in the low nibble, like the flags of an x86 PTE:
 *
 *   pte = frame << 4 | COW | USER | WRITABLE | PRESENT
 *
 * An entry of 0 means "no page here" (not present). PTE_COW marks a page that is shared after
 * fork: it is mapped read-only, and a write to it faults into doWpPage (fault.ts).
 */

export const PTE_PRESENT = 1;
export const PTE_WRITABLE = 2;
export const PTE_USER = 4;
export const PTE_COW = 8;

/** Frame numbers must fit in the 27 bits above the flags. */
export const MAX_FRAME_NUMBER = (1 << 27) - 1;

/** Builds an entry that maps `frame` with the given flag bits. */
export function makePte(frame: number, flags: number): number {
  return (frame << 4) | flags;
}

/** The frame an entry points to. */
export function pteFrame(pte: number): number {
  return pte >>> 4;
}

export function ptePresent(pte: number): boolean {
  return (pte & PTE_PRESENT) !== 0;
}

export function pteWritable(pte: number): boolean {
  return (pte & PTE_WRITABLE) !== 0;
}

export function pteCow(pte: number): boolean {
  return (pte & PTE_COW) !== 0;
}

/** The entry made read-only and copy-on-write (what fork does to a private writable page). */
export function pteWrprotectCow(pte: number): number {
  return (pte & ~PTE_WRITABLE) | PTE_COW;
}

/** The entry made writable again, no longer copy-on-write (what a COW reuse does). */
export function pteMkwriteClean(pte: number): number {
  return (pte & ~PTE_COW) | PTE_WRITABLE;
}
