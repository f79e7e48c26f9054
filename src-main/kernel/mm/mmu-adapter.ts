/**
 * The address space seen through the CPU's Mmu contract (kernel/mmu.ts): translate() runs the
 * fault handler and turns a refused access into a thrown Fault, which the kernel delivers as a
 * signal. The VM's TLB caches what translate() returns until the generation changes.
 */
import { Fault } from '../mmu.ts';
import type { Mmu } from '../mmu.ts';
import { handleMmFault } from './fault.ts';
import type { MmStruct } from './mm.ts';

/**
 * An Mmu over `mm`. Keeps working across mm changes only for this mm: exec gives the task a new
 * mm, and so a new Mmu (and TLB).
 */
export function mmuOf(mm: MmStruct): Mmu {
  return {
    pageSize: mm.pageSize,
    generation: () => mm.generation,
    translate(_vpn: number, address: number, write: boolean) {
      const r = handleMmFault(mm, address, write);
      if (!r.ok) throw new Fault(r.signal, r.reason, address, write);
      return r;
    },
  };
}
