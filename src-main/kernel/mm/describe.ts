/**
 * Snapshots of memory for the viewer and for tests: plain JSON-friendly objects describing an
 * address space (its VMAs and present pages) and the physical frames in use.
 */
import type { MmCounters } from './events.ts';
import type { PhysicalMemory } from './frames.ts';
import type { MmStruct } from './mm.ts';
import { pteCow, pteFrame, pteWritable } from './pte.ts';
import type { VmaKind } from './vma.ts';
import { findVma } from './vma.ts';

export interface VmaSnapshot {
  kind: VmaKind;
  name: string;
  start: number;
  end: number;
  readable: boolean;
  writable: boolean;
  /** a MAP_SHARED mapping (its frames are other processes' too) */
  shared: boolean;
}

export interface PageSnapshot {
  vpn: number;
  /** first virtual address of the page */
  address: number;
  /** the VMA the page belongs to ('text', 'heap', …) */
  kind: VmaKind | null;
  frame: number;
  writable: boolean;
  cow: boolean;
  /** how many page table entries (and caches) point to the frame */
  refcount: number;
}

export interface MmSnapshot {
  id: number;
  label: string;
  pageSize: number;
  users: number;
  generation: number;
  startBrk: number;
  brk: number;
  stackTop: number;
  stackLimit: number;
  vmas: VmaSnapshot[];
  pages: PageSnapshot[];
  counters: MmCounters;
}

/** The VMAs and every present page of `mm`, pages in address order. */
export function describeMm(mm: MmStruct): MmSnapshot {
  const pages: PageSnapshot[] = [];
  mm.pageTable.forEachPresent((vpn, pte) => {
    const frame = pteFrame(pte);
    const address = vpn * mm.pageSize;
    pages.push({
      vpn,
      address,
      kind: findVma(mm.vmas, address)?.kind ?? null,
      frame,
      writable: pteWritable(pte),
      cow: pteCow(pte),
      refcount: mm.phys.refcount[frame],
    });
  });
  return {
    id: mm.id,
    label: mm.label,
    pageSize: mm.pageSize,
    users: mm.users,
    generation: mm.generation,
    startBrk: mm.startBrk,
    brk: mm.brk,
    stackTop: mm.stackTop,
    stackLimit: mm.stackLimit,
    vmas: mm.vmas.map((v) => ({ kind: v.kind, name: v.name, start: v.start, end: v.end, readable: v.readable, writable: v.writable, shared: v.shared === true })),
    pages,
    counters: { ...mm.counters },
  };
}

export interface FramesSnapshot {
  pageSize: number;
  maxFrames: number;
  framesInUse: number;
  framesPeak: number;
  allocs: number;
  frees: number;
  totals: MmCounters;
  /** every frame in use, by increasing number */
  frames: { frame: number; refcount: number }[];
}

/** The frames in use and the counters of physical memory. */
export function describeFrames(phys: PhysicalMemory): FramesSnapshot {
  const frames: { frame: number; refcount: number }[] = [];
  for (let f = 0; f < phys.maxFrames; f++) {
    if (phys.refcount[f] > 0) frames.push({ frame: f, refcount: phys.refcount[f] });
  }
  return {
    pageSize: phys.pageSize,
    maxFrames: phys.maxFrames,
    framesInUse: phys.framesInUse,
    framesPeak: phys.framesPeak,
    allocs: phys.allocs,
    frees: phys.frees,
    totals: { ...phys.totals },
    frames,
  };
}
