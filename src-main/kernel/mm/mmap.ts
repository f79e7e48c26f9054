/**
 * Anonymous mappings (mmap(MAP_PRIVATE | MAP_ANONYMOUS) and munmap): zero-filled, demand-paged
 * read-write memory, used for thread stacks. They are placed top-down below the stack's guard
 * gap (mm.mmapBase), with one unmapped guard page between neighbours so that running off the
 * end of a thread stack is SIGSEGV rather than silent corruption of the next one.
 */
import type { MmStruct } from './mm.ts';
import { bumpGeneration } from './mm.ts';
import { zapPageRange } from './unmap.ts';
import type { Vma } from './vma.ts';
import { insertVma, pageAlignUp } from './vma.ts';

/** What mapAnonymous returns on failure ((void *) -1 in C). */
export const MAP_FAILED = -1;
export const EINVAL = 22;
export const ENOMEM = 12;
/**
 * The most VMAs an address space may have (Linux's vm.max_map_count): beyond it mmap, and a
 * munmap that would split a mapping, fail with ENOMEM. It also bounds the host's cost of a
 * program that maps without ever touching the memory (`while (malloc(1 << 20))`).
 */
export const MAX_MAP_COUNT = 65530;

/**
 * Maps `length` bytes (rounded up to whole pages) of fresh anonymous memory and returns the
 * start address, or MAP_FAILED when no room is left below mmapBase or the size exceeds all of
 * physical memory. `name` labels the VMA for the viewer.
 */
export function mapAnonymous(mm: MmStruct, length: number, name = 'mmap'): number {
  const ps = mm.pageSize;
  if (!Number.isFinite(length) || length <= 0) return MAP_FAILED;
  const size = pageAlignUp(length, ps);
  if (size / ps > mm.phys.maxFrames) return MAP_FAILED;
  if (mm.vmas.length >= MAX_MAP_COUNT) return MAP_FAILED;
  const start = findFreeAreaTopDown(mm, size);
  if (start === MAP_FAILED) return MAP_FAILED;
  insertVma(mm.vmas, { kind: 'mmap', name, start, end: start + size, readable: true, writable: true, growsDown: false });
  return start;
}

/**
 * The highest start address below mmapBase where `size` bytes fit with a free guard page on each
 * side (get_unmapped_area, top-down), or MAP_FAILED. One pass down the VMAs (sorted by start and
 * disjoint, so their ends are sorted too): each one reaching into the window pushes it below.
 */
function findFreeAreaTopDown(mm: MmStruct, size: number): number {
  const ps = mm.pageSize;
  const floor = pageAlignUp(mm.brk, ps) + ps;
  let end = mm.mmapBase;
  for (let i = mm.vmas.length - 1; i >= 0 && end - size >= floor; i--) {
    const v = mm.vmas[i];
    if (v.start === v.end || v.start >= end + ps) continue;
    if (v.end <= end - size - ps) return end - size;
    end = v.start - ps;
  }
  return end - size >= floor ? end - size : MAP_FAILED;
}

/**
 * Unmaps [addr, addr + length) from the anonymous mappings it overlaps (trimming or splitting
 * them) and frees their pages. Other segments are left alone. Returns 0, or -EINVAL when addr is
 * not page aligned or length is not positive, or -ENOMEM when a split would pass MAX_MAP_COUNT.
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
