import { describe, expect, it } from 'vitest';
import { doBrk } from './brk.ts';
import { handleMmFault } from './fault.ts';
import { PhysicalMemory } from './frames.ts';
import { createMmFromImage } from './load-image.ts';
import { MmStruct } from './mm.ts';
import { makeTestImage } from './test-image.ts';
import { copyFromUser, copyToUser } from './uaccess.ts';

function setUp(maxFrames = 1000) {
  const phys = new PhysicalMemory({ maxFrames });
  const mm = createMmFromImage(phys, makeTestImage()) as MmStruct;
  return { phys, mm };
}

describe('doBrk', () => {
  it('grows the heap: the new bytes are mapped, demand-zero', () => {
    const { mm, phys } = setUp();
    const start = mm.brk;
    expect(handleMmFault(mm, start, true)).toMatchObject({ ok: false, reason: 'unmapped' });
    expect(doBrk(mm, start + 10000)).toBe(start + 10000);
    expect(mm.brk).toBe(start + 10000);
    const before = phys.framesInUse;
    expect(copyFromUser(mm, start + 9990, 10)).toEqual(new Uint8Array(10));
    expect(phys.framesInUse).toBe(before + 1);
    expect(copyToUser(mm, start, Uint8Array.of(1, 2, 3))).toEqual({ ok: true });
    // the rest of the last page is usable, past it is not (page granularity, as in Linux)
    expect(handleMmFault(mm, start + 3 * 4096 - 1, true).ok).toBe(true);
    expect(handleMmFault(mm, start + 3 * 4096, true)).toMatchObject({ ok: false, reason: 'unmapped' });
  });

  it('shrinks the heap: frees the pages above the new break and bumps the generation', () => {
    const { mm, phys } = setUp();
    const start = mm.brk;
    doBrk(mm, start + 4 * 4096);
    copyToUser(mm, start, new Uint8Array(4 * 4096).fill(9));
    const inUse = phys.framesInUse;
    const generation = mm.generation;
    expect(doBrk(mm, start + 4096 + 1)).toBe(start + 4096 + 1);
    expect(phys.framesInUse).toBe(inUse - 2);
    expect(mm.generation).not.toBe(generation);
    expect(handleMmFault(mm, start + 2 * 4096, false)).toMatchObject({ ok: false, reason: 'unmapped' });
    // growing again gives zeroed pages, not the old contents
    doBrk(mm, start + 4 * 4096);
    expect(copyFromUser(mm, start + 3 * 4096, 4)).toEqual(new Uint8Array(4));
    expect(copyFromUser(mm, start + 4096, 1)).toEqual(Uint8Array.of(9));
  });

  it('returns the old break for a request below the heap start or beyond physical memory', () => {
    const { mm } = setUp(100);
    const start = mm.brk;
    expect(doBrk(mm, 0)).toBe(start);
    expect(doBrk(mm, start - 1)).toBe(start);
    expect(doBrk(mm, start + 101 * 4096)).toBe(start);
    expect(doBrk(mm, start + 2 ** 50)).toBe(start);
    expect(mm.brk).toBe(start);
    expect(doBrk(mm, start + 50 * 4096)).toBe(start + 50 * 4096);
  });
});
