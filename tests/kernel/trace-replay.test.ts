/**
 * The trace is enough to rebuild the page tables (docs/trace.md, "Rebuilding the page tables"):
 * replaying the memory events of a fork + write program gives every page and every frame's
 * reference count that the kernel itself reports.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src-main/kernel/trace.ts';
import { describeFrames, describeMm, type MmStruct } from '../../src-main/kernel/mm/index.ts';
import { boot } from './helpers.ts';

type Table = Map<number, { frame: number; flags: string }>;

/** Rebuilds every live page table from the trace's memory events. */
function replay(events: TraceEvent[], pageSize: number): Map<number, Table> {
  const mms = new Map<number, Table>();
  for (const e of events) {
    if (!('mm' in e) || typeof e.mm !== 'number') continue;
    const mm = e.mm;
    // the events of an address space being built (exec) come before its first snapshot,
    // which includes what they did
    if (e.kind !== 'mm-snapshot' && !mms.has(mm)) continue;
    switch (e.kind) {
      case 'mm-snapshot':
        mms.set(mm, new Map((e.pages as [number, number, string][]).map(([vpn, frame, flags]) => [vpn, { frame, flags }])));
        break;
      case 'fault':
        if (e.signal === undefined && e.reason === 'demand-zero') mms.get(mm)!.set(e.vpn, { frame: e.frame, flags: e.flags as string });
        break;
      case 'cow-copy':
        mms.get(mm)!.set(e.vpn as number, { frame: e.newFrame as number, flags: 'rw' });
        break;
      case 'cow-reuse':
        mms.get(mm)!.get(e.vpn as number)!.flags = 'rw';
        break;
      case 'brk': {
        const table = mms.get(mm)!;
        const end = Math.ceil((e.to as number) / pageSize);
        for (const vpn of [...table.keys()]) if (vpn >= end && vpn < Math.ceil((e.from as number) / pageSize)) table.delete(vpn);
        break;
      }
      case 'munmap': {
        const table = mms.get(mm)!;
        for (const vpn of [...table.keys()]) if (vpn >= e.start / pageSize && vpn < e.end / pageSize) table.delete(vpn);
        break;
      }
      case 'mm-release':
        mms.delete(mm);
        break;
    }
  }
  return mms;
}

function refcounts(mms: Map<number, Table>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const table of mms.values()) for (const { frame } of table.values()) counts.set(frame, (counts.get(frame) ?? 0) + 1);
  return counts;
}

const PROGRAM = [
  'int shared[300];',
  'int main(void) {',
  '  char *heap = malloc(2000);',
  '  memset(heap, 1, 2000);',
  '  shared[0] = 1;',
  '  pid_t pid = fork();',
  '  if (pid == 0) {',
  '    shared[1] = 2;',
  '    heap[1500] = 3;',
  '    char *more = malloc(5000);',
  '    more[4000] = 4;',
  '    pause();',
  '  }',
  '  shared[299] = 5;',
  '  waitpid(pid, NULL, 0);',
  '  return 0;',
  '}',
].join('\n');

describe('rebuilding memory from the trace', () => {
  it('gives the kernel\'s page tables and frame reference counts after fork, COW copies and reuse', () => {
    const machine = boot(PROGRAM, { pageSize: 256 });
    const kernel = machine.kernel;
    // both processes are still there: the parent waits for a child that waits for a signal
    expect(kernel.stopReason).toBe('deadlock');
    const events = kernel.trace.events;
    expect(events.some((e) => e.kind === 'cow-copy')).toBe(true);
    expect(events.some((e) => e.kind === 'cow-reuse')).toBe(true);
    const mms = replay(events, 256);
    const live = [...kernel.tasks.values()].filter((t) => !t.kernelThread).map((t) => t.mm as MmStruct);
    expect(new Set(live.map((m) => m.id))).toEqual(new Set(mms.keys()));
    for (const mm of live) {
      const expected = describeMm(mm).pages.map((p) => [p.vpn, p.frame, p.cow, p.writable]);
      const rebuilt = [...mms.get(mm.id)!.entries()].sort((a, b) => a[0] - b[0])
        .map(([vpn, p]) => [vpn, p.frame, p.flags.includes('c'), p.flags.includes('w')]);
      expect(rebuilt).toEqual(expected);
    }
    const counts = refcounts(mms);
    const kernelCounts = describeFrames(kernel.memory.phys).frames;
    expect(kernelCounts.length).toBeGreaterThan(10);
    for (const { frame, refcount } of kernelCounts) expect([frame, counts.get(frame)]).toEqual([frame, refcount]);
    expect(counts.size).toBe(kernelCounts.length);
  });

  it('gives the kernel\'s page tables and counts with mmap: shared frames stay shared and writable after fork, munmap drops them', () => {
    const program = [
      '#include <sys/mman.h>',
      'int main(void) {',
      '  char *s = mmap(NULL, 3 * 256, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);',
      '  char *p = mmap(NULL, 2 * 256, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);',
      '  p[0] = 1;',
      '  mprotect(s + 2 * 256, 256, PROT_NONE);',
      '  pid_t pid = fork();',
      '  if (pid == 0) {',
      '    s[0] = 2;',
      '    p[0] = 3;',
      '    munmap(s + 256, 256);',
      '    pause();',
      '  }',
      '  s[10] = 4;',
      '  waitpid(pid, NULL, 0);',
      '  return 0;',
      '}',
    ].join('\n');
    const machine = boot(program, { pageSize: 256 });
    const kernel = machine.kernel;
    expect(kernel.stopReason).toBe('deadlock');
    const events = kernel.trace.events;
    const mms = replay(events, 256);
    const live = [...kernel.tasks.values()].filter((t) => !t.kernelThread).map((t) => t.mm as MmStruct);
    for (const mm of live) {
      const expected = describeMm(mm).pages.map((p) => [p.vpn, p.frame, p.cow, p.writable]);
      const rebuilt = [...mms.get(mm.id)!.entries()].sort((a, b) => a[0] - b[0])
        .map(([vpn, p]) => [vpn, p.frame, p.flags.includes('c'), p.flags.includes('w')]);
      expect(rebuilt).toEqual(expected);
    }
    const counts = refcounts(mms);
    for (const { frame, refcount } of describeFrames(kernel.memory.phys).frames) expect([frame, counts.get(frame)]).toEqual([frame, refcount]);
    // the shared mapping's first page: one frame in both, writable in both, counted twice
    const [parent, child] = live;
    const vma = parent.vmas.find((v) => v.shared)!;
    const vpn = vma.start / 256;
    const frame = mms.get(parent.id)!.get(vpn)!.frame;
    expect(mms.get(child.id)!.get(vpn)).toEqual({ frame, flags: 'rw' });
    expect(mms.get(parent.id)!.get(vpn)!.flags).toBe('rw');
    expect(counts.get(frame)).toBe(2);
    // the child unmapped the second page: only the parent maps it now; the PROT_NONE page keeps its frame
    expect(mms.get(child.id)!.has(vpn + 1)).toBe(false);
    expect(counts.get(mms.get(parent.id)!.get(vpn + 1)!.frame)).toBe(1);
    expect(mms.get(parent.id)!.get(vpn + 2)!.flags).toBe('');
    // the child's last snapshot (after its munmap): the shared mapping's first and (PROT_NONE) third pages
    const snapshot = events.filter((e) => e.kind === 'mm-snapshot').at(-1)!;
    expect(snapshot.mm).toBe(child.id);
    expect(snapshot.segments.filter((x) => x.shared).map((x) => [x.start, x.end])).toEqual([[vma.start, vma.start + 256], [vma.start + 512, vma.start + 768]]);
  });

  it('agrees with each mm-snapshot\'s own counts at the moment it is taken', () => {
    const machine = boot(PROGRAM, { pageSize: 256 });
    const events = machine.kernel.trace.events;
    const snapshots = events.flatMap((e, i) => (e.kind === 'mm-snapshot' ? [[e, i] as const] : []));
    expect(snapshots.length).toBe(3); // exec at boot, the child's after fork, the parent's after fork
    for (const [snapshot, i] of snapshots) {
      const counts = refcounts(replay(events.slice(0, i + 1), 256));
      for (const [frame, count] of snapshot.refs as [number, number][]) expect([frame, counts.get(frame)]).toEqual([frame, count]);
    }
  });

  it('frees every frame when the run ends: frame-free events balance frame-alloc events', () => {
    const machine = boot(PROGRAM.replace('pause();', '_exit(0);'), { pageSize: 256 });
    const events = machine.kernel.trace.events;
    expect(machine.kernel.stopReason).toBe('exited');
    const allocs = events.filter((e) => e.kind === 'frame-alloc').map((e) => e.frame).sort();
    const frees = events.filter((e) => e.kind === 'frame-free').map((e) => e.frame).sort();
    expect(allocs.length).toBeGreaterThan(0);
    expect(frees).toEqual(allocs);
    expect(events.filter((e) => e.kind === 'mm-release')).toHaveLength(2);
  });

  it('frees a shared mapping\'s frames with their last reference, when both processes are gone', () => {
    const machine = boot([
      '#include <sys/mman.h>',
      'int main(void) {',
      '  int *s = mmap(NULL, 1000, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);',
      '  if (fork() == 0) { s[100] = 1; _exit(0); }',
      '  wait(NULL);',
      '  return s[100] == 1 ? 0 : 7;',
      '}',
    ].join('\n'), { pageSize: 256 });
    const events = machine.kernel.trace.events;
    expect(machine.kernel.stopReason).toBe('exited');
    // the parent read the child's write: exit status 0 (wait status 0)
    expect(machine.kernel.program.exitCode).toBe(0);
    const allocs = events.filter((e) => e.kind === 'frame-alloc').map((e) => e.frame).sort();
    const frees = events.filter((e) => e.kind === 'frame-free').map((e) => e.frame).sort();
    expect(frees).toEqual(allocs);
    expect(machine.kernel.memory.phys.framesInUse).toBe(0);
  });
});
