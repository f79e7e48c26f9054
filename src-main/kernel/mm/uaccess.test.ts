import { describe, expect, it } from 'vitest';
import { dupMm } from './fork.ts';
import { PhysicalMemory } from './frames.ts';
import { createMmFromImage } from './load-image.ts';
import { MmStruct } from './mm.ts';
import { makeTestImage } from './test-image.ts';
import {
  copyFromUser,
  copyToUser,
  getUserI32,
  getUserPointer,
  getUserU32,
  getUserU64,
  isUserFault,
  putUserU32,
  putUserU64,
  strncpyFromUser,
} from './uaccess.ts';

function setUp(pageSize = 256) {
  const phys = new PhysicalMemory({ pageSize, maxFrames: 1000 });
  const image = makeTestImage();
  const mm = createMmFromImage(phys, image) as MmStruct;
  return { phys, mm, image };
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('uaccess', () => {
  it('copies to and from user memory across page boundaries', () => {
    const { mm, image } = setUp();
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff);
    const at = image.bssBase + 200; // spans 5 pages of 256 bytes
    expect(copyToUser(mm, at, bytes)).toEqual({ ok: true });
    expect(copyFromUser(mm, at, 1000)).toEqual(bytes);
    expect(copyFromUser(mm, at + 56, 1)).toEqual(Uint8Array.of(bytes[56]));
  });

  it('returns the fault of a bad page, and writes nothing when part of the range is bad', () => {
    const { mm, image } = setUp();
    const r = copyFromUser(mm, 8, 4);
    expect(isUserFault(r)).toBe(true);
    expect(r).toMatchObject({ ok: false, reason: 'null-pointer' });
    // the data VMA is one 256-byte page; a write running past its end fails and writes nothing
    expect(copyToUser(mm, image.dataBase + 200, new Uint8Array(100).fill(1))).toMatchObject({ ok: false, reason: 'unmapped' });
    expect(copyFromUser(mm, image.dataBase + 200, 56)).toEqual(new Uint8Array(56));
    expect(copyToUser(mm, image.rodataBase - 2, Uint8Array.of(1, 2, 3, 4))).toMatchObject({ ok: false, reason: 'write-to-read-only' });
  });

  it('copyToUser triggers copy-on-write like a CPU store', () => {
    const { mm, phys, image } = setUp();
    const child = dupMm(mm) as MmStruct;
    const before = phys.framesInUse;
    copyToUser(child, image.dataBase, Uint8Array.of(99));
    expect(phys.framesInUse).toBe(before + 1);
    expect(child.counters.pagesCopied).toBe(1);
    expect(copyFromUser(mm, image.dataBase, 1)).toEqual(Uint8Array.of(image.data[0]));
  });

  it('reads strings up to the NUL, across pages, at most max bytes', () => {
    const { mm, image } = setUp();
    const at = image.bssBase + 250;
    copyToUser(mm, at, enc('hello, pages!\0tail'));
    expect(strncpyFromUser(mm, at, 100)).toEqual(enc('hello, pages!'));
    expect(strncpyFromUser(mm, at, 5)).toEqual(enc('hello'));
    expect(strncpyFromUser(mm, image.rodataBase, 100)).toEqual(enc('hello, world\n'));
    expect(strncpyFromUser(mm, 0, 100)).toMatchObject({ ok: false, reason: 'null-pointer' });
    // a string that runs off the end of the mapped bss faults
    const lastBss = image.bssBase + Math.ceil(image.bssSize / 256) * 256 - 3;
    copyToUser(mm, lastBss, enc('abc'));
    expect(strncpyFromUser(mm, lastBss, 100)).toMatchObject({ ok: false, reason: 'unmapped' });
  });

  it('reads and writes 32- and 64-bit values little-endian, across a page boundary', () => {
    const { mm, image } = setUp();
    const at = image.bssBase + 256 - 2;
    expect(putUserU32(mm, at, -2)).toEqual({ ok: true });
    expect(getUserU32(mm, at)).toEqual({ ok: true, value: 0xfffffffe });
    expect(getUserI32(mm, at)).toEqual({ ok: true, value: -2 });
    expect(copyFromUser(mm, at, 4)).toEqual(Uint8Array.of(0xfe, 0xff, 0xff, 0xff));
    expect(putUserU64(mm, at, 0x7ffffffff000)).toEqual({ ok: true });
    expect(getUserPointer(mm, at)).toEqual({ ok: true, value: 0x7ffffffff000 });
    expect(putUserU64(mm, at, -1n)).toEqual({ ok: true });
    expect(getUserU64(mm, at)).toEqual({ ok: true, value: 0xffffffffffffffffn });
    expect(getUserU32(mm, 16)).toMatchObject({ ok: false, reason: 'null-pointer' });
  });
});
