/**
 * Anonymous mappings (mmap(MAP_ANONYMOUS), munmap, mprotect): zero-filled memory placed top-down
 * below the stack's guard gap (mm.mmapBase), as Linux's get_unmapped_area places them.
 *
 * - Private mappings (MAP_PRIVATE) are demand-paged and copy-on-write after fork, like the heap.
 *   The runtime's thread stacks are private mappings with one unmapped guard page between
 *   neighbours, so that running off the end of a thread stack is SIGSEGV.
 * - Shared mappings (MAP_SHARED) have their frames from the start (as MAP_POPULATE would): fork
 *   gives the child the same frames, writable, never copy-on-write, so a write by either process
 *   is seen by the other. A frame is freed when its last page table entry goes (munmap, exit,
 *   exec), by its reference count.
 *
 * Protections: a page of a VMA that may not be read (PROT_NONE) has an entry without
 * PTE_PRESENT (a shared page keeps its frame); a read-only page has no PTE_WRITABLE; a private
 * page of a writable VMA that is not yet known to be the only user of its frame has PTE_COW
 * (its first write goes through doWpPage). PTE_COW is set only in writable VMAs.
 */
import type { MmStruct } from './mm.ts';
import { bumpGeneration } from './mm.ts';
import { NO_FRAME } from './frames.ts';
import { zapPageRange } from './unmap.ts';
import type { Vma } from './vma.ts';
import { insertVma, pageAlignUp } from './vma.ts';
import { PTE_COW, PTE_PRESENT, PTE_USER, PTE_WRITABLE, makePte } from './pte.ts';

/** What mapAnonymous returns on failure ((void *) -1 in C). */
export const MAP_FAILED = -1;
export const EINVAL = 22;
export const ENOMEM = 12;
export const EACCES = 13;
/**
 * The most VMAs an address space may have (Linux's vm.max_map_count): beyond it mmap, and a
 * munmap that would split a mapping, fail with ENOMEM. It also bounds the host's cost of a
 * program that maps without ever touching the memory (`while (malloc(1 << 20))`).
 */
export const MAX_MAP_COUNT = 65530;

/** How a new anonymous mapping may be used. */
export interface MapOptions {
  readable?: boolean;
  writable?: boolean;
  /** MAP_SHARED: the same frames in every address space forked from this one */
  shared?: boolean;
  /** keep one free page between this mapping and its neighbours (thread stacks) */
  guard?: boolean;
}

/**
 * Maps `length` bytes (rounded up to whole pages) of fresh anonymous memory and returns the
 * start address, or MAP_FAILED when no room is left below mmapBase, the size exceeds all of
 * physical memory, or (shared) no frames are left for its pages: then nothing changed. `name`
 * labels the VMA for the viewer. By default the mapping is private, read-write, with guard pages.
 */
export function mapAnonymous(mm: MmStruct, length: number, name = 'mmap', options: MapOptions = {}): number {
  const ps = mm.pageSize;
  if (!Number.isFinite(length) || length <= 0) return MAP_FAILED;
  const size = pageAlignUp(length, ps);
  if (size / ps > mm.phys.maxFrames) return MAP_FAILED;
  if (mm.vmas.length >= MAX_MAP_COUNT) return MAP_FAILED;
  const start = findFreeAreaTopDown(mm, size, options.guard ?? true ? ps : 0);
  if (start === MAP_FAILED) return MAP_FAILED;
  const vma: Vma = {
    kind: 'mmap', name, start, end: start + size, readable: options.readable ?? true, writable: options.writable ?? true, growsDown: false,
  };
  if (options.shared) vma.shared = true;
  insertVma(mm.vmas, vma);
  if (vma.shared && !populateShared(mm, vma)) {
    zapPageRange(mm, vma.start, vma.end);
    mm.vmas.splice(mm.vmas.indexOf(vma), 1);
    return MAP_FAILED;
  }
  return start;
}

/** Gives every page of a new shared mapping a zeroed frame. False when frames ran out. */
function populateShared(mm: MmStruct, vma: Vma): boolean {
  const ps = mm.pageSize;
  for (let vpn = vma.start / ps; vpn < vma.end / ps; vpn++) {
    const frame = mm.phys.allocFrame(mm.id);
    if (frame === NO_FRAME) return false;
    mm.pageTable.set(vpn, makePte(frame, sharedFlags(vma)));
  }
  return true;
}

/** The flags of a present page of shared VMA `vma` (its frame is never copied). */
function sharedFlags(vma: Vma): number {
  if (!vma.readable && !vma.writable) return PTE_USER;
  return PTE_PRESENT | PTE_USER | (vma.writable ? PTE_WRITABLE : 0);
}

/**
 * The highest start address below mmapBase where `size` bytes fit with `gap` free bytes on
 * each side (get_unmapped_area, top-down), or MAP_FAILED. One pass down the VMAs (sorted by
 * start and disjoint, so their ends are sorted too): each one reaching into the window pushes
 * it below.
 */
function findFreeAreaTopDown(mm: MmStruct, size: number, gap: number): number {
  const ps = mm.pageSize;
  const floor = pageAlignUp(mm.brk, ps) + ps;
  let end = mm.mmapBase;
  for (let i = mm.vmas.length - 1; i >= 0 && end - size >= floor; i--) {
    const v = mm.vmas[i];
    if (v.start === v.end || v.start >= end + gap) continue;
    if (v.end <= end - size - gap) return end - size;
    end = v.start - gap;
  }
  return end - size >= floor ? end - size : MAP_FAILED;
}

/**
 * Unmaps [addr, addr + length) from the anonymous mappings it overlaps (trimming or splitting
 * them) and drops their pages' frame references. Other segments are left alone. Returns 0, or
 * -EINVAL when addr is not page aligned or length is not positive, or -ENOMEM when a split would
 * pass MAX_MAP_COUNT.
 */
export function doMunmap(mm: MmStruct, addr: number, length: number): number {
  const ps = mm.pageSize;
  if (addr % ps !== 0 || !(length > 0)) return -EINVAL;
  const start = addr;
  const end = addr + pageAlignUp(length, ps);
  const splits = mm.vmas.filter((v) => v.kind === 'mmap' && v.start < start && v.end > end).length;
  if (splits > 0 && mm.vmas.length + splits > MAX_MAP_COUNT) return -ENOMEM;
  const kept: Vma[] = [];
  let changed = false;
  for (const v of mm.vmas) {
    if (v.kind !== 'mmap' || v.end <= start || v.start >= end) {
      kept.push(v);
      continue;
    }
    changed = true;
    zapPageRange(mm, Math.max(v.start, start), Math.min(v.end, end));
    if (v.start < start) kept.push({ ...v, end: start });
    if (v.end > end) kept.push({ ...v, start: end });
  }
  if (changed) {
    mm.vmas = kept.sort((a, b) => a.start - b.start);
    bumpGeneration(mm);
  }
  return 0;
}

/**
 * mprotect's work on [addr, addr + length) (addr page aligned, length > 0): every page of it
 * must belong to an anonymous mapping (-ENOMEM when some page is unmapped, -EACCES when it is
 * another segment, which the lab does not change). The VMAs are split at the range's ends and
 * take the new permissions; their present pages' entries follow (see the header). Returns 0 or
 * -errno; as on Linux, when the range has a hole the pages before it have changed all the same.
 */
export function doMprotect(mm: MmStruct, addr: number, length: number, readable: boolean, writable: boolean): number {
  const ps = mm.pageSize;
  const start = addr;
  const end = addr + pageAlignUp(length, ps);
  let covered = start;
  for (const v of mm.vmas) {
    if (v.start === v.end || v.end <= covered || v.start >= end) continue;
    if (v.start > covered) break;
    if (v.kind !== 'mmap') return -EACCES;
    covered = v.end;
  }
  if (covered === start) return -ENOMEM;
  // like Linux, the pages before a hole take the new permissions before the call fails
  if (covered < end) {
    protectRange(mm, start, covered, readable, writable);
    return -ENOMEM;
  }
  return protectRange(mm, start, end, readable, writable);
}

/** Gives the anonymous mappings of [start, end) (all mapped) the new permissions: 0, or -ENOMEM past MAX_MAP_COUNT. */
function protectRange(mm: MmStruct, start: number, end: number, readable: boolean, writable: boolean): number {
  const pieces = mm.vmas.filter((v) => v.start < start && v.end > start).length + mm.vmas.filter((v) => v.start < end && v.end > end).length;
  if (mm.vmas.length + pieces > MAX_MAP_COUNT) return -ENOMEM;
  const vmas: Vma[] = [];
  for (const v of mm.vmas) {
    if (v.end <= start || v.start >= end) {
      vmas.push(v);
      continue;
    }
    if (v.start < start) vmas.push({ ...v, end: start });
    const middle: Vma = { ...v, start: Math.max(v.start, start), end: Math.min(v.end, end), readable, writable };
    vmas.push(middle);
    if (v.end > end) vmas.push({ ...v, start: end });
    protectPages(mm, middle);
  }
  mm.vmas = vmas;
  bumpGeneration(mm);
  return 0;
}

/** Sets the entries of the present pages of `vma` to what its (new) permissions allow. */
function protectPages(mm: MmStruct, vma: Vma): void {
  const ps = mm.pageSize;
  const access = vma.readable || vma.writable;
  for (let vpn = vma.start / ps; vpn < vma.end / ps; vpn++) {
    const pte = mm.pageTable.get(vpn);
    if (pte === 0) continue;
    const base = pte & ~(PTE_PRESENT | PTE_WRITABLE | PTE_COW);
    if (!access) mm.pageTable.set(vpn, base);
    else if (!vma.writable) mm.pageTable.set(vpn, base | PTE_PRESENT);
    else mm.pageTable.set(vpn, base | PTE_PRESENT | (vma.shared ? PTE_WRITABLE : PTE_COW));
  }
}
