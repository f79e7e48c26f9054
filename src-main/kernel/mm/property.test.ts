/**
 * Property test: random sequences of fork (COW or eager), writes, reads, brk and exit over a few
 * address spaces keep every frame's reference count equal to the number of page table entries
 * that point to it, keep each process's memory its own (a shadow copy of every byte written is
 * compared on reads), and leak no frame once every process has exited.
 */
import { describe, expect, it } from 'vitest';
import { doBrk } from './brk.ts';
import { dupMm } from './fork.ts';
import { PhysicalMemory } from './frames.ts';
import { createMmFromImage } from './load-image.ts';
import { MmStruct, mmput } from './mm.ts';
import { pteFrame } from './pte.ts';
import { makeTestImage } from './test-image.ts';
import { copyFromUser, copyToUser } from './uaccess.ts';

/** A small deterministic PRNG (mulberry32), so a failure can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Proc {
  mm: MmStruct;
  /** what each written address should hold */
  shadow: Map<number, number>;
}

/** Checks that refcounts equal the number of referencing PTEs and that nothing else is in use. */
function checkRefcounts(phys: PhysicalMemory, procs: Proc[]): void {
  const refs = new Map<number, number>();
  for (const { mm } of procs) mm.pageTable.forEachPresent((_vpn, pte) => refs.set(pteFrame(pte), (refs.get(pteFrame(pte)) ?? 0) + 1));
  const wrong = [...refs].filter(([frame, count]) => phys.refcount[frame] !== count);
  expect(wrong).toEqual([]);
  expect(phys.framesInUse).toBe(refs.size);
}

function runScenario(seed: number, eagerShare: number): void {
  const random = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const phys = new PhysicalMemory({ pageSize: 256, maxFrames: 600 });
  const image = makeTestImage({ codeWords: 300, bssSize: 2000 });
  const first = createMmFromImage(phys, image) as MmStruct;
  doBrk(first, first.brk + 1500);
  const procs: Proc[] = [{ mm: first, shadow: new Map() }];

  const writableAddress = (mm: MmStruct): number => {
    const areas: [number, number][] = [
      [image.dataBase, image.dataBase + image.data.length],
      [image.bssBase, image.bssBase + image.bssSize],
      [mm.startBrk, mm.brk],
      [mm.stackTop - 3000, mm.stackTop],
    ].filter(([s, e]) => e > s) as [number, number][];
    const [s, e] = pick(areas);
    return s + Math.floor(random() * (e - s));
  };

  for (let step = 0; step < 300; step++) {
    const r = random();
    const proc = pick(procs);
    if (r < 0.15 && procs.length < 6) {
      const child = dupMm(proc.mm, { eager: random() < eagerShare });
      if (child instanceof MmStruct) procs.push({ mm: child, shadow: new Map(proc.shadow) });
    } else if (r < 0.22 && procs.length > 1) {
      mmput(proc.mm);
      procs.splice(procs.indexOf(proc), 1);
    } else if (r < 0.27) {
      const target = proc.mm.startBrk + Math.floor(random() * 3000);
      doBrk(proc.mm, target);
      for (const addr of [...proc.shadow.keys()]) {
        // bytes above the (page-rounded) break are gone; regrown pages read as zero
        if (addr >= proc.mm.startBrk && addr < proc.mm.stackTop - 3000 && addr >= Math.ceil(proc.mm.brk / 256) * 256) proc.shadow.delete(addr);
      }
    } else if (r < 0.7) {
      const addr = writableAddress(proc.mm);
      const value = Math.floor(random() * 256);
      const result = copyToUser(proc.mm, addr, Uint8Array.of(value));
      if (result.ok) proc.shadow.set(addr, value);
      else expect(result.reason).toBe('out-of-memory');
    } else {
      const written = [...proc.shadow.keys()];
      if (written.length === 0) continue;
      const addr = pick(written);
      expect(copyFromUser(proc.mm, addr, 1), `seed ${seed} step ${step}`).toEqual(Uint8Array.of(proc.shadow.get(addr)!));
    }
    checkRefcounts(phys, procs);
  }
  expect(phys.totals.pagesCopied).toBeGreaterThan(0);
  expect(phys.totals.pagesReused).toBeGreaterThan(0);
  for (const p of procs) mmput(p.mm);
  expect(phys.framesInUse).toBe(0);
  expect(phys.allocs).toBe(phys.frees);
}

describe('memory manager invariants under random fork / write / brk / exit', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`seed ${seed}: refcounts match page tables, memory stays private, no frame leaks`, () => {
      runScenario(seed, seed % 2 === 0 ? 0.3 : 0);
    });
  }
});
