/**
 * The host's budgets for one run, in the unit that hurts the host: bytes. Whatever a program or
 * a request asks for, a run never holds more than this in page frames and trace (the terminal
 * output has its own limit, KernelOptions.maxOutputBytes; page tables are bounded by the frames
 * they map and RLIMIT_NPROC). When frames run out the simulated machine answers as Linux does
 * (fork and brk fail with ENOMEM, a page fault kills with SIGKILL); the trace keeps counting what
 * it drops.
 */

/** Smallest and largest page size the lab simulates (powers of two in between). */
export const MIN_PAGE_SIZE = 256;
export const MAX_PAGE_SIZE = 64 * 1024;

/** Physical memory of the simulated machine: frames × page size never exceeds this. */
export const PHYSICAL_MEMORY_BYTES = 128 * 1024 * 1024;
/** The most frames a machine has (128 MiB of 4 KiB pages; fewer when pages are larger). */
export const MAX_FRAMES = 32768;

/** Host bytes the trace may take (its events' estimated size); later events are counted, not kept. */
export const TRACE_BYTES = 64 * 1024 * 1024;

/** Why `pageSize` is not a page size the lab simulates, or null when it is one. */
export function pageSizeProblem(pageSize: unknown): string | null {
  const ok = typeof pageSize === 'number' && Number.isInteger(pageSize) && pageSize >= MIN_PAGE_SIZE
    && pageSize <= MAX_PAGE_SIZE && (pageSize & (pageSize - 1)) === 0;
  return ok ? null : `the page size must be a power of two from ${MIN_PAGE_SIZE} to ${MAX_PAGE_SIZE} bytes`;
}

/** Every page size the lab simulates, smallest first (256, 512 … 65536). */
export const PAGE_SIZES: readonly number[] = Array.from({ length: Math.log2(MAX_PAGE_SIZE / MIN_PAGE_SIZE) + 1 }, (_, i) => MIN_PAGE_SIZE << i);

/** The number of frames of a machine with `pageSize`-byte pages: MAX_FRAMES within PHYSICAL_MEMORY_BYTES. */
export function framesFor(pageSize: number): number {
  return Math.max(1, Math.min(MAX_FRAMES, Math.floor(PHYSICAL_MEMORY_BYTES / pageSize)));
}
