/**
 * Hostile pack zips (issue 15, item 6): a bomb whose directory understates its size, an end
 * record whose entry counts disagree (hiding an entry), duplicate names, a damaged entry. Each is
 * refused with a clear message, fast, without inflating more than a chunk.
 */
import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unzipPack } from '../../src-main/packs/zip.ts';
import { tinyPack } from '../packs/tiny-pack.ts';
import { elapsed } from './bounds.ts';

/** Offsets of the zip's records, to forge them. */
function records(zip: Uint8Array): { view: DataView; eocd: number; central: number[]; local: number[] } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const central: number[] = [];
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < view.getUint16(eocd + 10, true); i++) {
    central.push(at);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { view, eocd, central, local: central.map((c) => view.getUint32(c + 42, true)) };
}

const packZip = (extra: Zippable = {}): Uint8Array => zipSync({ ...tinyPack(), ...extra });

describe('hostile zips', () => {
  it('a bomb whose directory declares 100 bytes is stopped after one chunk', () => {
    const zip = packZip({ 'bomb.txt': [new Uint8Array(16 * 1024 * 1024), { level: 9 }] });
    const { view, central } = records(zip);
    const bomb = central.at(-1)!;
    view.setUint32(bomb + 24, 100, true);
    const t = elapsed();
    const { files, errors } = unzipPack(zip, 'bomb.zip');
    expect(t()).toBeLessThan(1000);
    expect(files).toEqual({});
    expect(errors).toEqual([{ file: 'bomb.txt', line: 0, field: '', message: 'refused: it inflates to more than the 100 bytes its directory declares' }]);
  });

  it('an end record whose two entry counts disagree is refused whole', () => {
    const zip = packZip();
    const { view, eocd } = records(zip);
    view.setUint16(eocd + 8, view.getUint16(eocd + 8, true) - 1, true);
    expect(unzipPack(zip, 'evil.zip').errors).toEqual([
      { file: 'evil.zip', line: 0, field: '', message: expect.stringMatching(/^not a readable zip file: its end record gives two different entry counts/) },
    ]);
  });

  it('a directory that hides entries beyond the count of its end record is refused', () => {
    const zip = packZip();
    const { view, eocd } = records(zip);
    view.setUint16(eocd + 8, view.getUint16(eocd + 8, true) - 1, true);
    view.setUint16(eocd + 10, view.getUint16(eocd + 10, true) - 1, true);
    expect(unzipPack(zip, 'evil.zip').errors[0].message).toMatch(/holds more than the \d+ entries its end record counts/);
  });

  it('two entries with the same name (a second prompt.md) are refused', () => {
    const zip = zipSync({ ...tinyPack(), 'hello-fork/prompt.md': new TextEncoder().encode('first'), 'hello-fork/prompt.mX': new TextEncoder().encode('evil!') });
    const { central, local } = records(zip);
    // rename the last entry to the name of the one before it, in its directory and local header
    for (const at of [central.at(-1)! + 46, local.at(-1)! + 30]) zip[at + 'hello-fork/prompt.m'.length] = 'd'.charCodeAt(0);
    expect(unzipPack(zip).errors).toEqual([{ file: 'hello-fork/prompt.md', line: 0, field: '', message: 'refused: the zip holds two entries with this name' }]);
  });

  it('a damaged entry fails its CRC check', () => {
    const zip = packZip({ 'notes.txt': [new TextEncoder().encode('exactly these bytes'), { level: 0 }] });
    const { view, local } = records(zip);
    const at = local.at(-1)!;
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    zip[start] ^= 1;
    expect(unzipPack(zip).errors).toEqual([{ file: 'notes.txt', line: 0, field: '', message: 'damaged: its CRC-32 does not match its contents' }]);
  });

  it('a local header that names another file than the directory is refused', () => {
    const zip = packZip();
    const { local } = records(zip);
    zip[local[0] + 30] ^= 0x20;
    expect(unzipPack(zip, 'x.zip').errors[0].message).toMatch(/^not a readable zip file: the local header of .* names another file/);
  });

  it('a valid zip still reads', () => {
    expect(unzipPack(packZip()).errors).toEqual([]);
  });
});
