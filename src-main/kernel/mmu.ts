/**
 * The contract between the CPU and the memory manager: the CPU asks for the frame behind a
 * virtual page, the kernel answers (walking the page table, handling the fault) or raises a
 * Fault that becomes a signal.
 */

/**
 * Raised by the MMU when an access cannot be satisfied, and by the CPU for its own exceptions
 * (division by zero, a bad return address); the kernel turns it into a signal for the task.
 */
export class Fault {
  constructor(
    readonly signal: 'SIGSEGV' | 'SIGKILL' | 'SIGBUS' | 'SIGFPE' | 'SIGILL',
    /** e.g. 'null-pointer', 'unmapped', 'write-to-read-only', 'stack-overflow', 'divide-by-zero' */
    readonly reason: string,
    /** the faulting address (memory faults) or the bad value (bad return address) */
    readonly address: number,
    readonly write: boolean,
  ) {}
}

/** What the CPU needs from the memory manager. */
export interface Mmu {
  readonly pageSize: number;
  /** Current generation of the address space (changes when cached translations become stale). */
  generation(): number;
  /**
   * The frame backing page `vpn` for a read (write = false) or a write, after handling any fault
   * (demand-zero, copy-on-write). Throws Fault when the access is not allowed.
   * `writable` says whether the page may be written without another fault.
   */
  translate(vpn: number, address: number, write: boolean): { view: DataView; writable: boolean };
}
