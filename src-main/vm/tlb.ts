/**
 * The VM's translation lookaside buffer: a small direct-mapped cache from virtual page numbers
 * to the DataView of the physical frame that backs them, per task. Every load and store of the
 * CPU goes through it; a miss (or a write to a page cached as read-only) asks the MMU, which
 * walks the page table and handles the fault (demand paging, copy-on-write, SIGSEGV).
 *
 * The cache is flushed when the address space's generation changes (fork made pages read-only,
 * brk shrank, exec replaced the mm), so it never grants more than the page table does.
 *
 * A TLB can be told to watch writes (`writeCheck`, set for a vfork child): it then never caches a
 * page as writable, so every store takes the slow path and is shown to the check first. A TLB
 * without a check pays nothing for the feature (the check is only looked at on the slow path).
 *
 * It can also be told which pages are touched (`pageWatch`, the schedule explorer's hook for
 * tasks that share memory): every page it fills is reported once, read or written, and a page
 * filled for reading is cached read-only so that a first write to it is reported too. flush()
 * starts the watch over (every page is reported again).
 */

import type { Mmu } from '../kernel/mmu.ts';

export { Fault, type Mmu } from '../kernel/mmu.ts';

export const TLB_SIZE = 256;
export const TLB_MASK = TLB_SIZE - 1;

export class Tlb {
  /** the vpn cached in each slot; NaN (equal to no vpn, not even -1 of address -1) when empty */
  readonly tag = new Float64Array(TLB_SIZE).fill(NaN);
  readonly view: DataView[] = new Array<DataView>(TLB_SIZE);
  readonly writable = new Uint8Array(TLB_SIZE);
  readonly pageSize: number;
  readonly invPageSize: number;
  generation: number;
  /** called with the address of every write while set (see the header); null by default */
  writeCheck: ((address: number) => void) | null = null;
  /** told of each page read or written while set (see the header); null by default */
  pageWatch: ((vpn: number, write: boolean) => void) | null = null;

  constructor(readonly mmu: Mmu) {
    this.pageSize = mmu.pageSize;
    this.invPageSize = 1 / mmu.pageSize;
    this.generation = mmu.generation();
  }

  /** Forgets every translation (the next access to each page takes the slow path). */
  flush(): void {
    this.tag.fill(NaN);
  }

  /** Forgets every translation when the address space changed since they were cached. */
  syncGeneration(): void {
    const g = this.mmu.generation();
    if (g !== this.generation) {
      this.tag.fill(NaN);
      this.generation = g;
    }
  }

  /** Slow path of a read: translate and cache. */
  fillRead(vpn: number, address: number): DataView {
    const t = this.mmu.translate(vpn, address, false);
    const k = vpn & TLB_MASK;
    this.tag[k] = vpn;
    this.view[k] = t.view;
    this.writable[k] = t.writable && this.writeCheck === null && this.pageWatch === null ? 1 : 0;
    if (this.pageWatch !== null) this.pageWatch(vpn, false);
    return t.view;
  }

  /** Slow path of a write: translate for writing (may copy a COW page) and cache. */
  fillWrite(vpn: number, address: number): DataView {
    const check = this.writeCheck;
    if (check !== null) check(address);
    const t = this.mmu.translate(vpn, address, true);
    if (this.pageWatch !== null) this.pageWatch(vpn, true);
    // a write fault may have changed other tasks' view of this mm (e.g. brk); keep ours current
    this.generation = this.mmu.generation();
    const k = vpn & TLB_MASK;
    this.tag[k] = vpn;
    this.view[k] = t.view;
    this.writable[k] = check === null ? 1 : 0;
    return t.view;
  }
}

/** Reads one byte at any address (the cross-page slow path builds on it). */
export function readByte(tlb: Tlb, address: number): number {
  const vpn = Math.floor(address * tlb.invPageSize);
  const k = vpn & TLB_MASK;
  const view = tlb.tag[k] === vpn ? tlb.view[k] : tlb.fillRead(vpn, address);
  return view.getUint8(address - vpn * tlb.pageSize);
}

/** Writes one byte at any address. */
export function writeByte(tlb: Tlb, address: number, value: number): void {
  const vpn = Math.floor(address * tlb.invPageSize);
  const k = vpn & TLB_MASK;
  const view = tlb.tag[k] === vpn && tlb.writable[k] === 1 ? tlb.view[k] : tlb.fillWrite(vpn, address);
  view.setUint8(address - vpn * tlb.pageSize, value);
}

/** Reads `size` bytes (little-endian) that straddle a page boundary into `scratch`. */
export function readSplit(tlb: Tlb, address: number, size: number, scratch: DataView): DataView {
  for (let i = 0; i < size; i++) scratch.setUint8(i, readByte(tlb, address + i));
  return scratch;
}

/** Writes the first `size` bytes of `scratch` to memory that straddles a page boundary. */
export function writeSplit(tlb: Tlb, address: number, size: number, scratch: DataView): void {
  // touch the last byte first so a fault leaves memory unchanged, as a real CPU would
  writeByte(tlb, address + size - 1, scratch.getUint8(size - 1));
  for (let i = 0; i < size - 1; i++) writeByte(tlb, address + i, scratch.getUint8(i));
}
