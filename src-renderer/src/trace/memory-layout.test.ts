import { describe, expect, it } from 'vitest';
import { runProgram } from '../../../src-main/vm/run.ts';
import { TraceModel } from './model.ts';
import type { TraceEvent } from '../lab/index.ts';
import type { ViewState } from './state.ts';
import { FRAMES_X, GROUP_ABOVE, ROW_H, TABLE_W, layoutMemory, rowMiddle, visiblePart, visiblePids, type MemoryLayout } from './memory-layout.ts';

const ev = (step: number, pid: number, kind: string, fields: Record<string, unknown>): TraceEvent => ({ step, time: step, pid, kind, ...fields }) as TraceEvent;

/** parent (mm 1) forks a child (mm 2): text shared, data COW, then the child's write copies the data page */
const FORK_COPY: TraceEvent[] = [
  ev(0, 3, 'task-new', { ppid: 1, command: 'prog', mm: 1 }),
  ev(0, 3, 'mm-snapshot', { mm: 1, pages: [[16, 5, 'rx'], [32, 6, 'rw'], [40, 7, 'rw']], segments: [{ name: 'text', start: 16 * 4096, end: 17 * 4096 }, { name: 'data', start: 32 * 4096, end: 33 * 4096 }], refs: [] }),
  ev(10, 3, 'clone', { child: 4, what: 'fork', mm: 2 }),
  ev(10, 4, 'mm-snapshot', { mm: 2, pages: [[16, 5, 'rx'], [32, 6, 'rc'], [40, 7, 'rc']], segments: [], refs: [] }),
  ev(20, 4, 'cow-copy', { mm: 2, vpn: 32, frame: 6, newFrame: 9, address: 32 * 4096 }),
];

/** Every (mm, vpn) → frame the layout draws, from its rows. */
function drawnPages(l: MemoryLayout): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of l.blocks) for (const r of b.rows) for (const mm of r.mms) {
    expect(out.has(`${mm}:${r.vpn}`), `page ${r.vpn} of mm ${mm} drawn once`).toBe(false);
    out.set(`${mm}:${r.vpn}`, r.page.frame);
  }
  return out;
}

function modelPages(s: ViewState): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of s.mms.values()) for (const [vpn, p] of m.pages) out.set(`${m.id}:${vpn}`, p.frame);
  return out;
}

/** The geometry claims: one line per row, from the row's right edge to its frame's left edge, rows and frames never overlap. */
function expectTrueGeometry(l: MemoryLayout): void {
  const frameY = new Map(l.frames.map((f) => [f.frame, f.y]));
  const rows = l.blocks.flatMap((b) => b.rows);
  expect(l.links).toHaveLength(rows.length);
  for (const r of rows) {
    const link = l.links.find((k) => k.key === r.key)!;
    expect(link).toMatchObject({ x1: TABLE_W, y1: rowMiddle(r.y), x2: FRAMES_X, y2: rowMiddle(frameY.get(r.page.frame)!), frame: r.page.frame });
  }
  const ys = rows.map((r) => r.y).sort((a, b) => a - b);
  for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(ROW_H);
  const fys = l.frames.map((f) => f.y).sort((a, b) => a - b);
  for (let i = 1; i < fys.length; i++) expect(fys[i]! - fys[i - 1]!).toBeGreaterThanOrEqual(ROW_H);
  expect(l.height).toBeGreaterThanOrEqual(Math.max(...ys, ...fys) + ROW_H);
}

describe('layoutMemory', () => {
  const model = new TraceModel(FORK_COPY);

  it('two address spaces: one row per page, each line from its row to its frame', () => {
    const s = model.stateAt(4);
    const l = layoutMemory(s, 4096);
    expect(l.grouped).toBe(false);
    expect(l.blocks.map((b) => b.mm)).toEqual([1, 2]);
    expect(drawnPages(l)).toEqual(modelPages(s));
    expectTrueGeometry(l);
    // the second table sits below the first, not beside it
    expect(l.blocks[1]!.y).toBeGreaterThan(l.blocks[0]!.rows.at(-1)!.y);
  });

  it('the copied page: its line goes to the new frame, lit, and the frame sits level with it', () => {
    const s = model.stateAt(5);
    const l = layoutMemory(s, 4096);
    const copied = l.blocks[1]!.rows.find((r) => r.vpn === 32)!;
    expect(copied.page.frame).toBe(9);
    expect(copied.fresh).toBe(true);
    const link = l.links.find((k) => k.key === copied.key)!;
    expect(link.fresh).toBe(true);
    expect(link.y2).toBe(link.y1);
    expect(l.frames.find((f) => f.frame === 6)!.refs).toBe(1);
    expectTrueGeometry(l);
  });

  it('segments name the rows', () => {
    const l = layoutMemory(model.stateAt(2), 4096);
    expect(l.blocks[0]!.rows.map((r) => r.segment)).toEqual(['text', 'data', '']);
  });

  it('groups pages mapped alike when there are more than GROUP_ABOVE address spaces, and the lines still hold', () => {
    const events: TraceEvent[] = [ev(0, 3, 'task-new', { ppid: 1, command: 'prog', mm: 1 })];
    const n = GROUP_ABOVE + 2;
    for (let i = 1; i <= n; i++) {
      if (i > 1) events.push(ev(i, 3, 'clone', { child: 2 + i, what: 'fork', mm: i }));
      // text alike everywhere, a private stack page each
      events.push(ev(i, 2 + i, 'mm-snapshot', { mm: i, pages: [[16, 5, 'rx'], [99, 20 + i, 'rw']], segments: [], refs: [] }));
    }
    const s = new TraceModel(events).stateAt(events.length);
    const l = layoutMemory(s, 4096);
    expect(l.grouped).toBe(true);
    expect(l.blocks[0]!.kind).toBe('shared');
    expect(l.blocks[0]!.rows).toHaveLength(1);
    expect(l.blocks[0]!.rows[0]!.mms).toEqual([...Array(n).keys()].map((i) => i + 1));
    expect(l.blocks.slice(1).every((b) => b.rows.length === 1 && b.rows[0]!.vpn === 99)).toBe(true);
    expect(drawnPages(l)).toEqual(modelPages(s));
    expectTrueGeometry(l);
    // without grouping, every table shows both pages
    const flat = layoutMemory(s, 4096, Infinity);
    expect(flat.blocks.every((b) => b.rows.length === 2)).toBe(true);
  });

  it('a 6-level fork loop (64 processes): fewer rows when grouped, and every page drawn at its frame', () => {
    const source = `#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  for (int i = 0; i < 6; i++) fork();
  while (wait(NULL) > 0) ;
  return 0;
}`;
    const r = runProgram({ source } as Parameters<typeof runProgram>[0]);
    const m = new TraceModel(r.trace);
    let best = 0;
    let at = 0;
    for (let p = 0; p <= m.length; p += 16) {
      const size = m.stateAt(p).mms.size;
      if (size > best) [best, at] = [size, p];
    }
    expect(best).toBeGreaterThan(32);
    const s = m.stateAt(at);
    const l = layoutMemory(s, 4096);
    expect(drawnPages(l)).toEqual(modelPages(s));
    expectTrueGeometry(l);
    const rows = l.blocks.reduce((n, b) => n + b.rows.length, 0);
    const pages = [...s.mms.values()].reduce((n, mm) => n + mm.pages.size, 0);
    expect(rows).toBeLessThan(pages / 2);
  });
});

describe('visiblePids', () => {
  it('shows a few and counts the rest', () => {
    expect(visiblePids([3, 4], 6)).toEqual({ shown: [3, 4], more: 0 });
    expect(visiblePids([1, 2, 3, 4, 5, 6, 7, 8], 6)).toEqual({ shown: [1, 2, 3, 4, 5, 6], more: 2 });
  });
});

describe('visiblePart', () => {
  it('keeps what overlaps the band and every line crossing it, at the same places', () => {
    const events: TraceEvent[] = [ev(0, 3, 'task-new', { ppid: 1, command: 'prog', mm: 1 })];
    for (let i = 1; i <= 20; i++) {
      if (i > 1) events.push(ev(i, 3, 'clone', { child: 2 + i, what: 'fork', mm: i }));
      events.push(ev(i, 2 + i, 'mm-snapshot', { mm: i, pages: [[16, 5, 'rx'], [99, 20 + i, 'rw'], [100, 60 + i, 'rw']], segments: [], refs: [] }));
    }
    const l = layoutMemory(new TraceModel(events).stateAt(events.length), 4096);
    const top = 300;
    const bottom = 500;
    const part = visiblePart(l, top, bottom);
    const rows = part.blocks.flatMap((b) => b.rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(l.blocks.flatMap((b) => b.rows).length);
    for (const r of rows) expect(r.y + ROW_H > top && r.y < bottom).toBe(true);
    // every row of the whole layout that overlaps the band is kept, with its line
    const all = l.blocks.flatMap((b) => b.rows).filter((r) => r.y + ROW_H > top && r.y < bottom);
    expect(rows.map((r) => r.key).sort()).toEqual(all.map((r) => r.key).sort());
    for (const r of rows) expect(part.links.some((k) => k.key === r.key)).toBe(true);
    // a line is kept exactly when it crosses the band (its page or its frame may lie outside)
    for (const k of l.links) {
      if (Math.max(k.y1, k.y2) >= top && Math.min(k.y1, k.y2) < bottom) expect(part.links.includes(k)).toBe(true);
      if (Math.max(k.y1, k.y2) < top - ROW_H || Math.min(k.y1, k.y2) >= bottom + ROW_H) expect(part.links.includes(k)).toBe(false);
    }
  });
});
