/**
 * The memory-mapping system calls (Linux's mm/mmap.c and mm/mprotect.c): mmap of anonymous
 * memory, munmap and mprotect, with the argument checks and errno Linux x86-64 gives. The work
 * on the address space is kernel/mm/mmap.ts; here are the rules, and the trace: after each
 * change the whole page table is traced (`mm-snapshot`), so the viewer sees the new segment.
 * Each returns a value or -errno.
 */
import type { Kernel } from './kernel.ts';
import type { Mm } from './memory.ts';
import type { Task } from './task.ts';
import { ADDRESS_LIMIT } from './mm/mm.ts';
import { MAP_FAILED, doMprotect, doMunmap, mapAnonymous } from './mm/mmap.ts';
import { pageAlignUp } from './mm/vma.ts';
import {
  EBADF, EINVAL, ENODEV, ENOMEM, MAP_ANONYMOUS, MAP_FIXED, MAP_PRIVATE, MAP_SHARED, MAP_TYPE, PROT_EXEC, PROT_READ, PROT_WRITE,
} from './uapi.ts';

/** The protection bits mprotect accepts (PROT_GROWSDOWN and PROT_GROWSUP besides read, write, exec). */
const PROT_KNOWN = PROT_READ | PROT_WRITE | PROT_EXEC | 0x01000000 | 0x02000000;

/** Why the lab refuses an mmap a Linux program may make (the caller says so and stops the run). */
export type MmapUnsupported = 'file' | 'fixed';

/**
 * mmap(2) of anonymous memory: the mapping's address, or -errno. Linux's checks, in its order:
 * an offset that is not a multiple of the page size is EINVAL; a file mapping with a bad
 * descriptor is EBADF, and one of the terminal or a pipe ENODEV (one of a file is refused: 'file'); a length of 0 is EINVAL; a length no
 * address space can hold is ENOMEM; a type that is neither MAP_SHARED nor MAP_PRIVATE is EINVAL.
 * Without MAP_FIXED the address is only a hint, which the lab ignores (MAP_FIXED is refused:
 * 'fixed'). Unknown protection bits are ignored, as Linux ignores them here.
 */
export function sysMmap(k: Kernel, task: Task, length: number, prot: number, flags: number, fd: number, offset: number): number | MmapUnsupported {
  const mm = task.mm as Mm;
  if (offset % mm.pageSize !== 0) return -EINVAL;
  if (!(flags & MAP_ANONYMOUS)) return mapOfDescriptor(task, fd);
  if (length === 0) return -EINVAL;
  if (!(length < ADDRESS_LIMIT)) return -ENOMEM;
  const type = flags & MAP_TYPE;
  if (type !== MAP_SHARED && type !== MAP_PRIVATE) return -EINVAL;
  if (flags & MAP_FIXED) return 'fixed';
  const address = mapAnonymous(mm, length, 'mmap', {
    readable: (prot & (PROT_READ | PROT_WRITE | PROT_EXEC)) !== 0,
    writable: (prot & PROT_WRITE) !== 0,
    shared: type === MAP_SHARED,
    guard: false,
  });
  if (address === MAP_FAILED) return -ENOMEM;
  k.traceMmSnapshot(task, mm);
  return address;
}

/** A mapping of descriptor `fd`: EBADF when it is not open, ENODEV for one that cannot be mapped (the terminal, a pipe), 'file' for a file. */
function mapOfDescriptor(task: Task, fd: number): number | MmapUnsupported {
  const open = task.files.get(fd);
  if (!open) return -EBADF;
  return open.file.kind === 'file' ? 'file' : -ENODEV;
}

/**
 * munmap(2): unmaps the anonymous mappings in [address, address + length) (pages there are then
 * SIGSEGV); nothing mapped there is not an error. EINVAL for an address not page aligned, a
 * length of 0, or a range past the end of user space.
 */
export function sysMunmap(k: Kernel, task: Task, address: number, length: number): number {
  const mm = task.mm as Mm;
  if (address % mm.pageSize !== 0 || !(address >= 0 && address <= ADDRESS_LIMIT) || length > ADDRESS_LIMIT - address) return -EINVAL;
  const r = doMunmap(mm, address, length);
  if (r < 0) return r;
  k.event(task, 'munmap', { mm: mm.id, start: address, end: address + pageAlignUp(length, mm.pageSize) });
  k.traceMmSnapshot(task, mm);
  return 0;
}

/**
 * mprotect(2) on anonymous mappings: EINVAL for an address not page aligned or unknown bits,
 * 0 for a length of 0, ENOMEM when a page of the range is not mapped, EACCES when it is part of
 * another segment (the lab changes only mmap's mappings).
 */
export function sysMprotect(k: Kernel, task: Task, address: number, length: number, prot: number): number {
  const mm = task.mm as Mm;
  if (address % mm.pageSize !== 0 || (prot & ~PROT_KNOWN) !== 0) return -EINVAL;
  if (length === 0) return 0;
  if (!(address + pageAlignUp(length, mm.pageSize) <= ADDRESS_LIMIT)) return -ENOMEM;
  const r = doMprotect(mm, address, length, (prot & (PROT_READ | PROT_WRITE | PROT_EXEC)) !== 0, (prot & PROT_WRITE) !== 0);
  // a range with a hole changed the pages before it (see doMprotect): trace what is there now
  k.traceMmSnapshot(task, mm);
  return r;
}
