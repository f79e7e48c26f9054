/**
 * Memory in the trace (docs/trace.md, "Memory"): the whole page table of an address space as one
 * `mm-snapshot` event, and the memory manager's own events (kernel/mm/events.ts) turned into
 * trace details. From a snapshot and the events after it a reader rebuilds every page table and
 * every frame's reference count at any step.
 */
import type { MmEvent } from './mm/events.ts';
import type { EventDetails, PageEntry } from './trace.ts';
import type { MmStruct } from './mm/mm.ts';
import { pteCow, pteFrame, pteWritable } from './mm/pte.ts';
import { findVma, type Vma } from './mm/vma.ts';

export type { PageEntry };

export type MmSnapshotDetails = EventDetails['mm-snapshot'];

/** A memory event's trace kind with its details. */
export type MmTraceEvent =
  | { kind: 'fault'; details: EventDetails['fault'] }
  | { kind: 'cow-copy'; details: EventDetails['cow-copy'] }
  | { kind: 'cow-reuse'; details: EventDetails['cow-reuse'] }
  | { kind: 'frame-alloc' | 'frame-free'; details: EventDetails['frame-alloc'] };

/**
 * The flags of a page as the trace writes them: 'r', 'w', 'x' as the page allows (w only when a
 * write needs no fault), plus 'c' when it is copy-on-write.
 */
export function pageFlags(mm: MmStruct, vpn: number, pte: number): string {
  return flagsOf(findVma(mm.vmas, vpn * mm.pageSize), pte);
}

/** The details of an `mm-snapshot` event: every present page, the segments, the frames' counts. */
export function mmSnapshot(mm: MmStruct): MmSnapshotDetails {
  const pages: PageEntry[] = [];
  const refs: [number, number][] = [];
  const refcount = mm.phys.refcount;
  const ps = mm.pageSize;
  const vmas = [...mm.vmas].sort((a, b) => a.start - b.start);
  let v = 0;
  const dirs = [...mm.pageTable.tables.keys()].sort((a, b) => a - b);
  for (const dir of dirs) {
    const table = mm.pageTable.tables.get(dir)!;
    const base = dir * table.length;
    for (let i = 0; i < table.length; i++) {
      const pte = table[i];
      if (pte === 0) continue;
      const vpn = base + i;
      const address = vpn * ps;
      // pages come in address order: walk the VMAs along with them
      while (v < vmas.length && vmas[v].end <= address) v++;
      const vma = v < vmas.length && vmas[v].start <= address ? vmas[v] : null;
      const frame = pteFrame(pte);
      pages.push([vpn, frame, flagsOf(vma, pte)]);
      refs.push([frame, refcount[frame]]);
    }
  }
  refs.sort((a, b) => a[0] - b[0]);
  const unique = refs.filter((r, i) => i === 0 || r[0] !== refs[i - 1][0]);
  const segments: MmSnapshotDetails['segments'] = mm.vmas.map((x) => (x.shared ? { name: x.kind, start: x.start, end: x.end, shared: true } : { name: x.kind, start: x.start, end: x.end }));
  return { mm: mm.id, pages, segments, refs: unique };
}

const FLAGS = ['', 'r', 'w', 'rw', 'x', 'rx', 'wx', 'rwx'];

function flagsOf(vma: Vma | null, pte: number): string {
  const bits = (vma === null || vma.readable ? 1 : 0) | (pteWritable(pte) ? 2 : 0) | (vma?.kind === 'text' ? 4 : 0);
  return pteCow(pte) ? `${FLAGS[bits]}c` : FLAGS[bits];
}

/**
 * The trace kind and details of a memory-manager event, or null for those the kernel reports
 * itself ('segv': the kernel's `fault` event with `signal` says more).
 */
export function mmEventDetails(event: MmEvent, mmOf: (id: number) => MmStruct | null): MmTraceEvent | null {
  switch (event.kind) {
    case 'segv':
      return null;
    case 'frame-alloc':
    case 'frame-free':
      return { kind: event.kind, details: { frame: event.frame, mm: event.mm } };
    case 'fault': {
      const details: EventDetails['fault'] = {
        mm: event.mm, vpn: event.vpn, frame: event.frame, address: event.address, write: event.write, reason: event.reason,
      };
      // a demand-zero fault maps a new page: say with which flags, so a reader can add it
      const mm = event.reason === 'demand-zero' ? mmOf(event.mm) : null;
      if (mm) details.flags = pageFlags(mm, event.vpn, mm.pageTable.get(event.vpn));
      return { kind: 'fault', details };
    }
    case 'cow-copy':
      return { kind: 'cow-copy', details: { mm: event.mm, vpn: event.vpn, frame: event.frame, newFrame: event.newFrame, address: event.address } };
    case 'cow-reuse':
      return { kind: 'cow-reuse', details: { mm: event.mm, vpn: event.vpn, frame: event.frame, address: event.address } };
  }
}
