import { describe, expect, it } from 'vitest';
import { Fault } from '../mmu.ts';
import { describeFrames, describeMm } from './describe.ts';
import { dupMm } from './fork.ts';
import { PhysicalMemory } from './frames.ts';
import { createMmFromImage } from './load-image.ts';
import { MmStruct, mmget } from './mm.ts';
import { mmuOf } from './mmu-adapter.ts';
import { makeTestImage } from './test-image.ts';

function setUp() {
  const phys = new PhysicalMemory({ maxFrames: 100 });
  const image = makeTestImage();
  const mm = createMmFromImage(phys, image) as MmStruct;
  return { phys, mm, image };
}

describe('mmuOf', () => {
  it('translates through the fault handler and throws Fault for a refused access', () => {
    const { mm, image } = setUp();
    const mmu = mmuOf(mm);
    expect(mmu.pageSize).toBe(4096);
    const t = mmu.translate(Math.floor(image.bssBase / 4096), image.bssBase, true);
    expect(t.writable).toBe(true);
    t.view.setUint8(0, 77);
    expect(mmu.translate(Math.floor(image.bssBase / 4096), image.bssBase, false).view.getUint8(0)).toBe(77);
    let fault: unknown = null;
    try {
      mmu.translate(0, 16, false);
    } catch (e) {
      fault = e;
    }
    expect(fault).toBeInstanceOf(Fault);
    expect(fault).toMatchObject({ signal: 'SIGSEGV', reason: 'null-pointer', address: 16, write: false });
  });

  it('changes generation when fork write-protects, and when a thread of a shared mm copies a COW page', () => {
    const { mm, image } = setUp();
    const mmu = mmuOf(mm);
    const g0 = mmu.generation();
    const child = dupMm(mm) as MmStruct;
    const g1 = mmu.generation();
    expect(g1).not.toBe(g0);
    // a second task (thread) shares the child's mm; its write copies the page, so every
    // translation the threads cached for that mm is stale
    mmget(child);
    const childMmu = mmuOf(child);
    const gc = childMmu.generation();
    childMmu.translate(Math.floor(image.dataBase / 4096), image.dataBase, true);
    expect(childMmu.generation()).not.toBe(gc);
    // the parent keeps its generation: its frame did not move
    expect(mmu.generation()).toBe(g1);
  });
});

describe('describeMm / describeFrames', () => {
  it('lists VMAs, present pages with refcounts, and frames in use', () => {
    const { phys, mm, image } = setUp();
    const child = dupMm(mm) as MmStruct;
    const snap = describeMm(child);
    expect(snap.vmas.map((v) => v.kind)).toEqual(['text', 'rodata', 'data', 'bss', 'heap', 'stack']);
    const dataPage = snap.pages.find((p) => p.address === image.dataBase)!;
    expect(dataPage).toMatchObject({ kind: 'data', writable: false, cow: true, refcount: 2 });
    const frames = describeFrames(phys);
    expect(frames.framesInUse).toBe(snap.pages.length);
    expect(frames.frames.every((f) => f.refcount === 2)).toBe(true);
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
  });
});
