/**
 * The kernel's side of memory: one physical memory for the machine, the address spaces of its
 * tasks (kernel/mm), and for each address space the MMU the CPU uses to reach it.
 */
import type { ProgramImage } from '../lang/image.ts';
import { PhysicalMemory } from './mm/frames.ts';
import { MmStruct, mmput } from './mm/mm.ts';
import { createMmFromImage } from './mm/load-image.ts';
import { doBrk } from './mm/brk.ts';
import { copyFromUser, copyToUser } from './mm/uaccess.ts';
import { mmuOf } from './mm/mmu-adapter.ts';
import { DEFINED, setShadow } from './mm/shadow.ts';
import type { Mmu } from './mmu.ts';

export type Mm = MmStruct;

export class AddressSpaces {
  readonly phys: PhysicalMemory;
  private readonly mmus = new WeakMap<MmStruct, Mmu>();
  /** the last address space mmuFor served and its MMU (the CPU asks for the same one again and again) */
  private lastMm: MmStruct | null = null;
  private lastMmu: Mmu | null = null;

  constructor(pageSize: number, maxFrames: number) {
    this.phys = new PhysicalMemory({ pageSize, maxFrames });
  }

  /** A fresh address space for `image` (exec), or null when frames ran out. */
  createFromImage(image: ProgramImage): MmStruct | null {
    const mm = createMmFromImage(this.phys, image);
    return mm instanceof MmStruct ? mm : null;
  }

  /** The MMU the CPU uses for `mm`. */
  mmuFor(mm: unknown): Mmu {
    const m = mm as MmStruct;
    if (m === this.lastMm) return this.lastMmu!;
    let mmu = this.mmus.get(m);
    if (!mmu) {
      mmu = mmuOf(m);
      this.mmus.set(m, mmu);
    }
    this.lastMm = m;
    this.lastMmu = mmu;
    return mmu;
  }

  /** Drops a task's use of `mm`; the last user frees its frames (and then true is returned). */
  mmput(mm: unknown): boolean {
    return mmput(mm as MmStruct);
  }

  /** Writes bytes into `mm` as the kernel would (copy_to_user): they are then defined (mm/shadow.ts). False on a fault. */
  writeUser(mm: unknown, address: number, bytes: Uint8Array): boolean {
    const ok = copyToUser(mm as MmStruct, address, bytes).ok;
    if (ok && this.phys.shadows !== null) setShadow(mm as MmStruct, address, bytes.length, DEFINED, false);
    return ok;
  }

  /** Reads bytes from `mm` as the kernel would (copy_from_user). Null on a fault. */
  readUser(mm: unknown, address: number, length: number): Uint8Array | null {
    const r = copyFromUser(mm as MmStruct, address, length);
    return r instanceof Uint8Array ? r : null;
  }

  /** brk(2): moves the break; returns the new break, or the old one when it cannot. 0 asks. */
  brk(mm: unknown, newBrk: number): number {
    return doBrk(mm as MmStruct, newBrk);
  }

  /** Memory counters for the run's statistics. */
  stats(): { cowFaults: number; pagesCopied: number; pagesReused: number; framesPeak: number } {
    const t = this.phys.totals;
    return { cowFaults: t.cowFaults, pagesCopied: t.pagesCopied, pagesReused: t.pagesReused, framesPeak: this.phys.framesPeak };
  }
}
