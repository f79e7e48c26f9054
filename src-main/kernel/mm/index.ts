/**
 * Memory management (Linux's mm/): physical frames, page tables, VMAs, page faults and
 * copy-on-write. One idea per file; this module only re-exports them for the rest of the kernel.
 */
export * from './events.ts';
export * from './frames.ts';
export * from './pte.ts';
export * from './page-table.ts';
export * from './vma.ts';
export * from './mm.ts';
export * from './load-image.ts';
export * from './frame-cache.ts';
export * from './fault.ts';
export * from './fork.ts';
export * from './brk.ts';
export * from './mmap.ts';
export * from './unmap.ts';
export * from './uaccess.ts';
export * from './describe.ts';
export * from './mmu-adapter.ts';
