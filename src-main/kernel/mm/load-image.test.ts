import { describe, expect, it } from 'vitest';
import { STACK_LIMIT, STACK_TOP } from '../../lang/image.ts';
import { TEXT_BASE, codeAddress } from '../../lang/isa.ts';
import { handleMmFault } from './fault.ts';
import { ImageFrameCache } from './frame-cache.ts';
import { PhysicalMemory } from './frames.ts';
import { createMmFromImage } from './load-image.ts';
import { MmStruct, mmput } from './mm.ts';
import { makeTestImage } from './test-image.ts';
import { copyFromUser, getUserI32 } from './uaccess.ts';

function load(pageSize = 4096, maxFrames = 1000, image = makeTestImage()) {
  const phys = new PhysicalMemory({ pageSize, maxFrames });
  const mm = createMmFromImage(phys, image);
  if (!(mm instanceof MmStruct)) throw new Error('ENOMEM');
  return { phys, mm, image };
}

function readI32(mm: MmStruct, address: number): number {
  const r = getUserI32(mm, address);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe('createMmFromImage', () => {
  it('maps the code words, readable as little-endian int32 at codeAddress(pc)', () => {
    const { mm, image } = load();
    for (const pc of [0, 1, 1023, 1024, 1999]) expect(readI32(mm, codeAddress(pc))).toBe(image.code[pc]);
  });

  it('populates text, rodata and data now, and leaves bss, heap and stack to demand paging', () => {
    const { mm, phys, image } = load();
    const textPages = Math.ceil((image.code.length * 4) / 4096);
    expect(phys.framesInUse).toBe(textPages + 1 + 1);
    const kinds = mm.vmas.map((v) => v.kind);
    expect(kinds).toEqual(['text', 'rodata', 'data', 'bss', 'heap', 'stack']);
    const data = copyFromUser(mm, image.dataBase, image.data.length);
    expect(data).toEqual(image.data);
    const bss = copyFromUser(mm, image.bssBase, 16);
    expect(bss).toEqual(new Uint8Array(16));
    expect(phys.framesInUse).toBe(textPages + 3);
  });

  it('makes text and rodata read-only and data writable', () => {
    const { mm, image } = load();
    expect(handleMmFault(mm, TEXT_BASE, true)).toMatchObject({ ok: false, signal: 'SIGSEGV', reason: 'write-to-read-only' });
    expect(handleMmFault(mm, image.rodataBase, true)).toMatchObject({ ok: false, reason: 'write-to-read-only' });
    expect(handleMmFault(mm, image.dataBase, true)).toMatchObject({ ok: true, writable: true });
  });

  it('places the heap after bss (empty) and the stack below STACK_TOP', () => {
    const { mm, image } = load();
    expect(mm.startBrk).toBe(Math.ceil((image.bssBase + image.bssSize) / 4096) * 4096);
    expect(mm.brk).toBe(mm.startBrk);
    const stack = mm.vmas.find((v) => v.kind === 'stack')!;
    expect(stack.end).toBe(STACK_TOP);
    expect(stack.start).toBe(STACK_TOP - STACK_LIMIT);
    expect(stack.growsDown).toBe(true);
  });

  it('gives a page shared by rodata and data to the writable side, with the bytes of both', () => {
    // 256-byte alignment inside 4096-byte pages: rodata and data share a page
    const image = makeTestImage({ align: 256, codeWords: 100 });
    const { mm } = load(4096, 1000, image);
    expect(Math.floor(image.rodataBase / 4096)).toBe(Math.floor(image.dataBase / 4096));
    expect(copyFromUser(mm, image.rodataBase, image.rodata.length)).toEqual(image.rodata);
    expect(copyFromUser(mm, image.dataBase, image.data.length)).toEqual(image.data);
    expect(handleMmFault(mm, image.dataBase, true).ok).toBe(true);
    expect(readI32(mm, codeAddress(99))).toBe(image.code[99]);
  });

  it('works with small pages (a segment spans many pages)', () => {
    const { mm, image } = load(256);
    for (let pc = 0; pc < image.code.length; pc += 37) expect(readI32(mm, codeAddress(pc))).toBe(image.code[pc]);
    expect(copyFromUser(mm, image.dataBase, image.data.length)).toEqual(image.data);
  });

  it('returns ENOMEM and releases everything when frames run out', () => {
    const phys = new PhysicalMemory({ pageSize: 256, maxFrames: 10 });
    expect(createMmFromImage(phys, makeTestImage())).toEqual({ error: 'ENOMEM' });
    expect(phys.framesInUse).toBe(0);
  });

  it('shares read-only frames between processes through an image frame cache', () => {
    const phys = new PhysicalMemory({ maxFrames: 100 });
    const cache = new ImageFrameCache(phys);
    const image = makeTestImage();
    const a = createMmFromImage(phys, image, { frameCache: cache }) as MmStruct;
    const afterOne = phys.framesInUse;
    const b = createMmFromImage(phys, image, { frameCache: cache }) as MmStruct;
    // only the data page is new for the second process
    expect(phys.framesInUse).toBe(afterOne + 1);
    const textFrame = (m: MmStruct) => (handleMmFault(m, TEXT_BASE, false) as { frame: number }).frame;
    expect(textFrame(a)).toBe(textFrame(b));
    expect(phys.refcount[textFrame(a)]).toBe(3);
    mmput(a);
    mmput(b);
    expect(phys.framesInUse).toBe(cache.size());
    cache.release();
    expect(phys.framesInUse).toBe(0);
  });
});
