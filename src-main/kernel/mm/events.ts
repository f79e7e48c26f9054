/**
 * What the memory manager reports: one small event per fault, copy-on-write copy or reuse,
 * frame allocation and free, and SIGSEGV. The kernel forwards them to the trace (adding the step
 * and the task), so an exercise can ask "how many pages did this program copy" and get the
 * answer from the model itself.
 *
 * A page fault produces 'fault' (reason 'demand-zero' or 'cow'); a COW fault is followed by
 * 'cow-copy' or 'cow-reuse'; a refused access produces 'segv' instead. Frames report
 * 'frame-alloc' and 'frame-free'. A TLB miss on a page the page table already allows is not a
 * fault and produces nothing.
 */

/**
 * One event, by kind. `mm` is the id of the address space concerned (0 for frames held by no
 * address space, e.g. a cache).
 */
export type MmEvent =
  | { kind: 'fault'; mm: number; vpn: number; frame: number; address: number; write: boolean; reason: 'demand-zero' | 'cow' }
  /** the page at `vpn` was copied from `frame` into `newFrame` */
  | { kind: 'cow-copy'; mm: number; vpn: number; frame: number; newFrame: number; address: number }
  | { kind: 'cow-reuse'; mm: number; vpn: number; frame: number; address: number }
  | { kind: 'frame-alloc' | 'frame-free'; mm: number; frame: number }
  /** a refused access: `reason` says why */
  | { kind: 'segv'; mm: number; vpn: number; address: number; write?: boolean; reason: string };

export type MmEventKind = MmEvent['kind'];

/** Receives events as they happen. Must not call back into the memory manager. */
export type MmEventSink = (event: MmEvent) => void;

/** Counters kept per address space and, summed over every address space, per physical memory. */
export interface MmCounters {
  /** page faults the page table could not satisfy as it stood (demand-zero, COW, SIGSEGV) */
  faults: number;
  /** write faults on copy-on-write pages (cow-copy + cow-reuse) */
  cowFaults: number;
  /** pages copied: by a COW fault, or by an eager fork */
  pagesCopied: number;
  /** COW faults resolved without a copy because the writer held the only reference */
  pagesReused: number;
}

/** A fresh set of counters, all zero. */
export function zeroCounters(): MmCounters {
  return { faults: 0, cowFaults: 0, pagesCopied: 0, pagesReused: 0 };
}
