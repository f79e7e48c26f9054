import { describe, expect, it } from 'vitest';
import { handleMmFault } from './fault.ts';
import { PhysicalMemory } from './frames.ts';
import { createMmFromImage } from './load-image.ts';
import { MmStruct, STACK_GUARD_GAP } from './mm.ts';
import { EINVAL, MAP_FAILED, doMunmap, mapAnonymous } from './mmap.ts';
import { makeTestImage } from './test-image.ts';
import { copyFromUser, copyToUser } from './uaccess.ts';

function setUp() {
  const phys = new PhysicalMemory({ maxFrames: 1000 });
  const mm = createMmFromImage(phys, makeTestImage()) as MmStruct;
  return { phys, mm };
}

describe('mapAnonymous / doMunmap', () => {
  it('maps zeroed, writable, demand-paged memory below the stack guard gap', () => {
    const { mm, phys } = setUp();
    const before = phys.framesInUse;
    const a = mapAnonymous(mm, 10000, 'thread stack');
    expect(a).not.toBe(MAP_FAILED);
    expect(a % 4096).toBe(0);
    expect(a + 3 * 4096).toBeLessThanOrEqual(mm.stackLimit - STACK_GUARD_GAP);
    expect(phys.framesInUse).toBe(before);
    expect(mm.vmas.find((v) => v.start === a)).toMatchObject({ kind: 'mmap', name: 'thread stack', end: a + 3 * 4096 });
    expect(copyFromUser(mm, a + 12000, 4)).toEqual(new Uint8Array(4));
    expect(copyToUser(mm, a, Uint8Array.of(1))).toEqual({ ok: true });
  });

  it('keeps a guard page between mappings', () => {
    const { mm } = setUp();
    const a = mapAnonymous(mm, 4096);
    const b = mapAnonymous(mm, 4096);
    expect(b).toBe(a - 2 * 4096);
    expect(handleMmFault(mm, b + 4096, true)).toMatchObject({ ok: false, reason: 'unmapped' });
  });

  it('unmaps (splitting a mapping) and frees the pages', () => {
    const { mm, phys } = setUp();
    const a = mapAnonymous(mm, 3 * 4096);
    copyToUser(mm, a, new Uint8Array(3 * 4096).fill(1));
    const inUse = phys.framesInUse;
    const generation = mm.generation;
    expect(doMunmap(mm, a + 4096, 4096)).toBe(0);
    expect(phys.framesInUse).toBe(inUse - 1);
    expect(mm.generation).not.toBe(generation);
    expect(handleMmFault(mm, a + 4096, false)).toMatchObject({ ok: false, reason: 'unmapped' });
    expect(copyFromUser(mm, a + 2 * 4096, 1)).toEqual(Uint8Array.of(1));
    expect(mm.vmas.filter((v) => v.kind === 'mmap').map((v) => [v.start, v.end])).toEqual([
      [a, a + 4096],
      [a + 2 * 4096, a + 3 * 4096],
    ]);
    expect(doMunmap(mm, a + 1, 4096)).toBe(-EINVAL);
    expect(doMunmap(mm, a, 0)).toBe(-EINVAL);
  });

  it('fails for sizes beyond physical memory', () => {
    const { mm } = setUp();
    expect(mapAnonymous(mm, 1001 * 4096)).toBe(MAP_FAILED);
    expect(mapAnonymous(mm, 0)).toBe(MAP_FAILED);
  });
});
