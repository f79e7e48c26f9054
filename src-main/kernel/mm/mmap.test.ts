import { describe, expect, it } from 'vitest';
import { handleMmFault } from './fault.ts';
import { PhysicalMemory } from './frames.ts';
import { createMmFromImage } from './load-image.ts';
import { MmStruct, STACK_GUARD_GAP } from './mm.ts';
import { EINVAL, ENOMEM, MAP_FAILED, doMprotect, doMunmap, mapAnonymous } from './mmap.ts';
import { dupMm } from './fork.ts';
import { mmput } from './mm.ts';
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

describe('shared and protected anonymous mappings (mmap MAP_SHARED, mprotect)', () => {
  const shared = { shared: true, guard: false };

  it('places mappings without a guard page between them when asked (as Linux places a program\'s mmaps)', () => {
    const { mm } = setUp();
    const a = mapAnonymous(mm, 4096, 'mmap', { guard: false });
    const b = mapAnonymous(mm, 3 * 4096, 'mmap', shared);
    expect(b).toBe(a - 3 * 4096);
  });

  it('gives a shared mapping zeroed frames at once, and fork shares them writable, never copy-on-write', () => {
    const { mm, phys } = setUp();
    const before = phys.framesInUse;
    const a = mapAnonymous(mm, 2 * 4096, 'mmap', shared);
    expect(phys.framesInUse).toBe(before + 2);
    expect(copyFromUser(mm, a, 4)).toEqual(new Uint8Array(4));
    const child = dupMm(mm) as MmStruct;
    const frame = mm.pageTable.get(a / 4096) >>> 4;
    expect(child.pageTable.get(a / 4096) >>> 4).toBe(frame);
    expect(phys.refcount[frame]).toBe(2);
    // the child writes; the parent reads it from the same frame, and nothing was copied
    const copies = phys.totals.pagesCopied;
    expect(handleMmFault(child, a, true)).toMatchObject({ ok: true, frame, writable: true });
    copyToUser(child, a, Uint8Array.of(42));
    expect(copyFromUser(mm, a, 1)).toEqual(Uint8Array.of(42));
    expect(phys.totals.pagesCopied).toBe(copies);
    expect(child.vmas.find((v) => v.start === a)?.shared).toBe(true);
  });

  it('keeps a private mapping copy-on-write after fork beside a shared one', () => {
    const { mm, phys } = setUp();
    const s = mapAnonymous(mm, 4096, 'mmap', shared);
    const p = mapAnonymous(mm, 4096, 'mmap', { guard: false });
    copyToUser(mm, p, Uint8Array.of(1));
    const child = dupMm(mm) as MmStruct;
    copyToUser(child, p, Uint8Array.of(2));
    copyToUser(child, s, Uint8Array.of(3));
    expect(copyFromUser(mm, p, 1)).toEqual(Uint8Array.of(1));
    expect(copyFromUser(mm, s, 1)).toEqual(Uint8Array.of(3));
    expect(phys.totals.pagesCopied).toBeGreaterThan(0);
  });

  it('shares the frames under an eager fork too', () => {
    const { mm } = setUp();
    const s = mapAnonymous(mm, 4096, 'mmap', shared);
    const child = dupMm(mm, { eager: true }) as MmStruct;
    copyToUser(child, s, Uint8Array.of(9));
    expect(copyFromUser(mm, s, 1)).toEqual(Uint8Array.of(9));
  });

  it('frees a shared frame only when the last address space lets go of it (munmap, then exit)', () => {
    const { mm, phys } = setUp();
    const a = mapAnonymous(mm, 4096, 'mmap', shared);
    const frame = mm.pageTable.get(a / 4096) >>> 4;
    const child = dupMm(mm) as MmStruct;
    const inUse = phys.framesInUse;
    expect(doMunmap(mm, a, 4096)).toBe(0);
    expect(phys.refcount[frame]).toBe(1);
    expect(phys.framesInUse).toBe(inUse);
    expect(handleMmFault(mm, a, false)).toMatchObject({ ok: false, reason: 'unmapped' });
    expect(copyFromUser(child, a, 1)).toEqual(Uint8Array.of(0));
    mmput(child);
    expect(phys.refcount[frame]).toBe(0);
  });

  it('gives nothing and changes nothing when the frames of a shared mapping run out', () => {
    const { mm, phys } = setUp();
    const vmas = mm.vmas.length;
    const inUse = phys.framesInUse;
    expect(mapAnonymous(mm, (1000 - inUse + 1) * 4096, 'mmap', shared)).toBe(MAP_FAILED);
    expect(mm.vmas.length).toBe(vmas);
    expect(phys.framesInUse).toBe(inUse);
  });

  it('refuses a write to a read-only mapping and any access to a PROT_NONE one', () => {
    const { mm } = setUp();
    const r = mapAnonymous(mm, 4096, 'mmap', { writable: false, guard: false });
    expect(handleMmFault(mm, r, false)).toMatchObject({ ok: true, writable: false });
    expect(handleMmFault(mm, r, true)).toMatchObject({ ok: false, signal: 'SIGSEGV', reason: 'write-to-read-only' });
    const n = mapAnonymous(mm, 4096, 'mmap', { readable: false, writable: false, shared: true, guard: false });
    expect(handleMmFault(mm, n, false)).toMatchObject({ ok: false, signal: 'SIGSEGV', reason: 'no-access' });
    expect(handleMmFault(mm, n, true)).toMatchObject({ ok: false, signal: 'SIGSEGV', reason: 'no-access' });
  });

  it('mprotect takes access away from present pages and gives it back (copy-on-write again for a private page)', () => {
    const { mm, phys } = setUp();
    const a = mapAnonymous(mm, 2 * 4096, 'mmap', { guard: false });
    copyToUser(mm, a, Uint8Array.of(5));
    expect(doMprotect(mm, a, 4096, true, false)).toBe(0);
    expect(mm.vmas.filter((v) => v.kind === 'mmap').map((v) => [v.start, v.end, v.writable])).toEqual([
      [a, a + 4096, false],
      [a + 4096, a + 2 * 4096, true],
    ]);
    expect(handleMmFault(mm, a, true)).toMatchObject({ ok: false, reason: 'write-to-read-only' });
    expect(doMprotect(mm, a, 4096, false, false)).toBe(0);
    expect(handleMmFault(mm, a, false)).toMatchObject({ ok: false, signal: 'SIGSEGV', reason: 'no-access' });
    // a child made while the page was read-only shares it; write access back makes the next write copy it
    const child = dupMm(mm) as MmStruct;
    expect(doMprotect(mm, a, 4096, true, true)).toBe(0);
    const copies = phys.totals.pagesCopied;
    copyToUser(mm, a, Uint8Array.of(6));
    expect(phys.totals.pagesCopied).toBe(copies + 1);
    expect(doMprotect(child, a, 4096, true, false)).toBe(0);
    expect(copyFromUser(child, a, 1)).toEqual(Uint8Array.of(5));
  });

  it('mprotect fails with ENOMEM at a hole, after changing the pages before it (as Linux does)', () => {
    const { mm } = setUp();
    const a = mapAnonymous(mm, 2 * 4096, 'mmap', { guard: false });
    expect(doMunmap(mm, a + 4096, 4096)).toBe(0);
    expect(doMprotect(mm, a, 2 * 4096, true, false)).toBe(-ENOMEM);
    expect(handleMmFault(mm, a, true)).toMatchObject({ ok: false, reason: 'write-to-read-only' });
    expect(doMprotect(mm, a + 4096, 4096, true, false)).toBe(-ENOMEM);
  });
});
