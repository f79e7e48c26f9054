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

export type MmEventKind = 'fault' | 'cow-copy' | 'cow-reuse' | 'frame-alloc' | 'frame-free' | 'segv';

export interface MmEvent {
  kind: MmEventKind;
  /** id of the address space concerned (0 for frames held by no address space, e.g. a cache) */
  mm: number;
  vpn?: number;
  frame?: number;
  /** for 'cow-copy': the frame the page was copied into */
  newFrame?: number;
  address?: number;
  /** for 'fault': 'demand-zero' | 'cow'; for 'segv': why the access was refused */
  reason?: string;
  /** for 'fault' and 'segv': whether the access was a write */
  write?: boolean;
}

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
