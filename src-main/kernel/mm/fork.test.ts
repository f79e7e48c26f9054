import { describe, expect, it } from 'vitest';
import type { MmEvent } from './events.ts';
import { handleMmFault } from './fault.ts';
import type { FaultOk } from './fault.ts';
import { dupMm } from './fork.ts';
import { PhysicalMemory } from './frames.ts';
import { createMmFromImage } from './load-image.ts';
import { MmStruct, mmget, mmput } from './mm.ts';
import { describeMm } from './describe.ts';
import { makeTestImage } from './test-image.ts';
import { copyFromUser, copyToUser } from './uaccess.ts';

function setUp(maxFrames = 1000) {
  const events: MmEvent[] = [];
  const phys = new PhysicalMemory({ maxFrames, sink: (e) => events.push(e) });
  const image = makeTestImage();
  const mm = createMmFromImage(phys, image) as MmStruct;
  return { phys, mm, image, events };
}

function child(mm: MmStruct, eager = false): MmStruct {
  const c = dupMm(mm, { eager });
  if (!(c instanceof MmStruct)) throw new Error('ENOMEM');
  return c;
}

const ok = (r: ReturnType<typeof handleMmFault>): FaultOk => {
  if (!r.ok) throw new Error(r.reason);
  return r;
};

describe('dupMm with copy-on-write', () => {
  it('shares the frame, copies on the child write (2 → 1+1), then reuses on the parent write', () => {
    const { phys, mm: parent, image, events } = setUp();
    const x = image.dataBase;
    copyToUser(parent, x, Uint8Array.of(42));
    const frame = ok(handleMmFault(parent, x, false)).frame;
    const kid = child(parent);

    const p = ok(handleMmFault(parent, x, false));
    const c = ok(handleMmFault(kid, x, false));
    expect(p.frame).toBe(frame);
    expect(c.frame).toBe(frame);
    expect(p.writable).toBe(false);
    expect(c.writable).toBe(false);
    expect(phys.refcount[frame]).toBe(2);
    expect(describeMm(parent).pages.find((pg) => pg.frame === frame)).toMatchObject({ cow: true, writable: false, refcount: 2 });

    events.length = 0;
    const cw = ok(handleMmFault(kid, x, true));
    expect(cw.frame).not.toBe(frame);
    expect(cw.writable).toBe(true);
    expect(cw.bytes[0]).toBe(42);
    expect(phys.refcount[frame]).toBe(1);
    expect(phys.refcount[cw.frame]).toBe(1);
    expect(kid.counters).toMatchObject({ cowFaults: 1, pagesCopied: 1, pagesReused: 0 });
    expect(events.map((e) => e.kind)).toEqual(['fault', 'frame-alloc', 'cow-copy']);
    expect(events[2]).toMatchObject({ mm: kid.id, frame, newFrame: cw.frame });

    events.length = 0;
    const pw = ok(handleMmFault(parent, x, true));
    expect(pw.frame).toBe(frame);
    expect(pw.writable).toBe(true);
    expect(parent.counters).toMatchObject({ cowFaults: 1, pagesCopied: 0, pagesReused: 1 });
    expect(events.map((e) => e.kind)).toEqual(['fault', 'cow-reuse']);
    expect(phys.totals).toMatchObject({ cowFaults: 2, pagesCopied: 1, pagesReused: 1 });

    // the two processes now have independent memory
    copyToUser(kid, x, Uint8Array.of(7));
    expect(copyFromUser(parent, x, 1)).toEqual(Uint8Array.of(42));
    expect(copyFromUser(kid, x, 1)).toEqual(Uint8Array.of(7));
  });

  it('shares read-only pages without COW, counting the extra reference', () => {
    const { phys, mm } = setUp();
    const text = ok(handleMmFault(mm, 0x401000, false)).frame;
    const kid = child(mm);
    expect(phys.refcount[text]).toBe(2);
    expect(describeMm(kid).pages[0]).toMatchObject({ frame: text, cow: false, writable: false });
    expect(handleMmFault(kid, 0x401000, true)).toMatchObject({ ok: false, reason: 'write-to-read-only' });
  });

  it('copies no page, and bumps the parent generation when it write-protects pages', () => {
    const { phys, mm } = setUp();
    const before = phys.framesInUse;
    const generation = mm.generation;
    const kid = child(mm);
    expect(phys.framesInUse).toBe(before);
    expect(mm.generation).not.toBe(generation);
    expect(kid.generation).not.toBe(mm.generation);
    expect(kid.vmas).toEqual(mm.vmas);
    expect(kid.vmas[0]).not.toBe(mm.vmas[0]);
    expect(kid.brk).toBe(mm.brk);
  });

  it('frees the copies and the shared frames when both exit (framesInUse back to baseline)', () => {
    const { phys, mm, image } = setUp();
    const baseline = phys.framesInUse;
    copyToUser(mm, image.bssBase, new Uint8Array(9000).fill(1));
    const kid = child(mm);
    copyToUser(kid, image.bssBase, new Uint8Array(100).fill(2));
    const grandchild = child(kid);
    copyToUser(grandchild, image.bssBase + 5000, new Uint8Array(100).fill(3));
    mmput(kid);
    mmput(mm);
    mmput(grandchild);
    expect(phys.framesInUse).toBe(0);
    expect(phys.frees).toBe(phys.allocs);
    expect(baseline).toBeGreaterThan(0);
  });

  it('keeps a shared mm alive until its last user lets go (mmget / mmput)', () => {
    const { phys, mm } = setUp();
    mmget(mm);
    expect(mmput(mm)).toBe(false);
    expect(phys.framesInUse).toBeGreaterThan(0);
    expect(mmput(mm)).toBe(true);
    expect(phys.framesInUse).toBe(0);
    expect(() => mmput(mm)).toThrow();
  });
});

describe('dupMm eager (historical fork)', () => {
  it('copies every touched writable page at fork, shares read-only ones', () => {
    const { phys, mm, image } = setUp();
    copyToUser(mm, image.bssBase, new Uint8Array(3 * 4096).fill(5));
    const stack = mm.stackTop - 16;
    copyToUser(mm, stack, Uint8Array.of(1, 2, 3));
    const writable = describeMm(mm).pages.filter((p) => p.writable).length;
    expect(writable).toBe(1 + 3 + 1); // data + 3 bss pages + stack
    const before = phys.framesInUse;
    const generation = mm.generation;
    const kid = child(mm, true);
    expect(phys.framesInUse).toBe(before + writable);
    expect(mm.counters.pagesCopied).toBe(writable);
    expect(mm.generation).toBe(generation);
    // no COW fault afterwards, on either side
    expect(ok(handleMmFault(kid, stack, true)).writable).toBe(true);
    expect(ok(handleMmFault(mm, stack, true)).writable).toBe(true);
    expect(copyFromUser(kid, stack, 3)).toEqual(Uint8Array.of(1, 2, 3));
    expect(kid.counters.cowFaults + mm.counters.cowFaults).toBe(0);
    const text = ok(handleMmFault(kid, 0x401000, false)).frame;
    expect(phys.refcount[text]).toBe(2);
  });

  it('copies pages that are still COW from an earlier fork', () => {
    const { phys, mm, image } = setUp();
    const x = image.dataBase;
    const first = child(mm);
    const before = phys.framesInUse;
    const second = child(mm, true);
    expect(phys.framesInUse).toBe(before + 1);
    expect(ok(handleMmFault(second, x, true)).writable).toBe(true);
    expect(second.counters.cowFaults).toBe(0);
    mmput(first);
    mmput(second);
    mmput(mm);
    expect(phys.framesInUse).toBe(0);
  });

  it('returns ENOMEM when frames run out, and leaves every count as before', () => {
    const { phys, mm, image } = setUp(8);
    copyToUser(mm, image.bssBase, new Uint8Array(8192).fill(1));
    const snapshot = describeMm(mm);
    const inUse = phys.framesInUse;
    expect(phys.framesFree()).toBeLessThan(snapshot.pages.filter((p) => p.writable).length);
    expect(dupMm(mm, { eager: true })).toEqual({ error: 'ENOMEM' });
    expect(phys.framesInUse).toBe(inUse);
    expect(describeMm(mm).pages).toEqual(snapshot.pages);
    expect(mm.counters.pagesCopied).toBe(0);
  });
});
