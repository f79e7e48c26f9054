/**
 * Memory in the trace (docs/trace.md, "Memory"): the whole page table of an address space as one
 * `mm-snapshot` event, and the memory manager's own events (kernel/mm/events.ts) turned into
 * trace details. From a snapshot and the events after it a reader rebuilds every page table and
 * every frame's reference count at any step.
 */
import type { MmEvent } from './mm/events.ts';
import type { MmStruct } from './mm/mm.ts';
import { pteCow, pteFrame, pteWritable } from './mm/pte.ts';
import { findVma } from './mm/vma.ts';

/** One page of a snapshot: [vpn, frame, flags]. */
export type PageEntry = [number, number, string];

export interface MmSnapshotDetails {
  mm: number;
  pages: PageEntry[];
  segments: { name: string; start: number; end: number }[];
  refs: [number, number][];
}

/**
 * The flags of a page as the trace writes them: 'r', 'w', 'x' as the page allows (w only when a
 * write needs no fault), plus 'c' when it is copy-on-write.
 */
export function pageFlags(mm: MmStruct, vpn: number, pte: number): string {
  const vma = findVma(mm.vmas, vpn * mm.pageSize);
  let flags = vma === null || vma.readable ? 'r' : '';
  if (pteWritable(pte)) flags += 'w';
  if (vma?.kind === 'text') flags += 'x';
  if (pteCow(pte)) flags += 'c';
  return flags;
}

/** The details of an `mm-snapshot` event: every present page, the segments, the frames' counts. */
export function mmSnapshot(mm: MmStruct): MmSnapshotDetails {
  const pages: PageEntry[] = [];
  const refs: [number, number][] = [];
  const seen = new Set<number>();
  mm.pageTable.forEachPresent((vpn, pte) => {
    const frame = pteFrame(pte);
    pages.push([vpn, frame, pageFlags(mm, vpn, pte)]);
    if (!seen.has(frame)) {
      seen.add(frame);
      refs.push([frame, mm.phys.refcount[frame]]);
    }
  });
  refs.sort((a, b) => a[0] - b[0]);
  const segments = mm.vmas.map((v) => ({ name: v.kind, start: v.start, end: v.end }));
  return { mm: mm.id, pages, segments, refs };
}

/**
 * The trace kind and details of a memory-manager event, or null for those the kernel reports
 * itself ('segv': the kernel's `fault` event with `signal` says more).
 */
export function mmEventDetails(event: MmEvent, mmOf: (id: number) => MmStruct | null): { kind: string; details: Record<string, unknown> } | null {
  switch (event.kind) {
    case 'segv':
      return null;
    case 'frame-alloc':
    case 'frame-free':
      return { kind: event.kind, details: { frame: event.frame, mm: event.mm } };
    case 'fault': {
      const details: Record<string, unknown> = {
        mm: event.mm, vpn: event.vpn, frame: event.frame, address: event.address, write: event.write, reason: event.reason,
      };
      // a demand-zero fault maps a new page: say with which flags, so a reader can add it
      const mm = event.reason === 'demand-zero' ? mmOf(event.mm) : null;
      if (mm && event.vpn !== undefined) details.flags = pageFlags(mm, event.vpn, mm.pageTable.get(event.vpn));
      return { kind: 'fault', details };
    }
    case 'cow-copy':
      return { kind: 'cow-copy', details: { mm: event.mm, vpn: event.vpn, frame: event.frame, newFrame: event.newFrame, address: event.address } };
    case 'cow-reuse':
      return { kind: 'cow-reuse', details: { mm: event.mm, vpn: event.vpn, frame: event.frame, address: event.address } };
  }
}
