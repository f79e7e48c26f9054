/**
 * Virtual memory areas (Linux's vm_area_struct): the segments of an address space. Each covers
 * whole pages [start, end) with one set of permissions; an address outside every VMA is
 * unmapped, and touching it is SIGSEGV.
 *
 * Kinds, in address order: text (code, read-only), rodata (string literals, read-only), data
 * (initialised globals, read-write), bss (zeroed globals), heap ([startBrk, brk), grows up with
 * brk), mmap (anonymous mappings: thread stacks, and a program's mmap, private or shared), stack
 * (grows down, bounded).
 */

export type VmaKind = 'text' | 'rodata' | 'data' | 'bss' | 'heap' | 'stack' | 'mmap';

export interface Vma {
  kind: VmaKind;
  /** label for the viewer, e.g. "[heap]", "[stack]", "thread stack" */
  name: string;
  /** first address (page aligned) */
  start: number;
  /** one past the last address (page aligned); start === end means empty (a heap before brk grows) */
  end: number;
  readable: boolean;
  writable: boolean;
  /** true for the stack: it grows down towards its limit */
  growsDown: boolean;
  /**
   * true for a MAP_SHARED mapping: its pages are the same frames in every address space that
   * maps it (fork shares them writable, never copy-on-write). Absent means private.
   */
  shared?: boolean;
}

/**
 * The VMA that contains `address`, or null (find_vma, restricted to containment): a binary search
 * of the list, which is sorted by start and disjoint (empty VMAs contain nothing).
 */
export function findVma(vmas: readonly Vma[], address: number): Vma | null {
  let lo = 0;
  let hi = vmas.length - 1;
  let last = -1; // the last VMA starting at or below address
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (vmas[mid].start <= address) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  while (last >= 0 && vmas[last].start === vmas[last].end) last--;
  return last >= 0 && address < vmas[last].end ? vmas[last] : null;
}

/** True when [start, end) overlaps no VMA of the list (other than `except`). */
export function rangeIsFree(vmas: readonly Vma[], start: number, end: number, except: Vma | null = null): boolean {
  for (const v of vmas) {
    if (v === except || v.start === v.end) continue;
    if (start < v.end && v.start < end) return false;
  }
  return true;
}

/** Inserts `vma` keeping the list sorted by start address (insert_vm_struct). */
export function insertVma(vmas: Vma[], vma: Vma): void {
  let i = 0;
  while (i < vmas.length && vmas[i].start <= vma.start) i++;
  vmas.splice(i, 0, vma);
}

/** A copy of a VMA (fork gives the child its own list). */
export function copyVma(vma: Vma): Vma {
  const { kind, name, start, end, readable, writable, growsDown, shared } = vma;
  return shared ? { kind, name, start, end, readable, writable, growsDown, shared } : { kind, name, start, end, readable, writable, growsDown };
}

/** True when some VMA of the list is a MAP_SHARED mapping (its frames may be another process's too). */
export function hasSharedVma(vmas: readonly Vma[]): boolean {
  for (const v of vmas) if (v.shared) return true;
  return false;
}

/** `value` rounded down to a multiple of `pageSize`. */
export function pageAlignDown(value: number, pageSize: number): number {
  return Math.floor(value / pageSize) * pageSize;
}

/** `value` rounded up to a multiple of `pageSize`. */
export function pageAlignUp(value: number, pageSize: number): number {
  return Math.ceil(value / pageSize) * pageSize;
}
