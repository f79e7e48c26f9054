/**
 * A pack from a .zip: the top folder is stripped, path escapes and symbolic links are refused,
 * sizes are checked before inflating, garbage is a clear error.
 */
import { describe, expect, it } from 'vitest';
import { zipSync, type Zippable } from 'fflate';
import { loadPack } from '../../src-main/packs/load.ts';
import { unzipPack } from '../../src-main/packs/zip.ts';
import { tinyPack } from './tiny-pack.ts';

function zipOf(files: Record<string, Uint8Array>, prefix = ''): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of Object.entries(files)) z[prefix + name] = data;
  return zipSync(z);
}

describe('unzipPack', () => {
  it('reads a zip of the pack folder (one top folder) into a pack that loads', () => {
    const { files, errors } = unzipPack(zipOf(tinyPack(), 'tiny/'));
    expect(errors).toEqual([]);
    expect(Object.keys(files).sort()).toEqual(Object.keys(tinyPack()).sort());
    expect(loadPack(files).pack?.id).toBe('tiny');
  });

  it('refuses an entry whose path leaves the folder, and an absolute path', () => {
    const evil = zipOf({ ...tinyPack(), '../../outside.txt': new Uint8Array([1]), '/etc/passwd': new Uint8Array([2]) });
    const { files, errors } = unzipPack(evil, 'evil.zip');
    expect(files).toEqual({});
    expect(errors).toContainEqual({ file: '../../outside.txt', line: 0, field: '', message: 'refused: path leaves the pack folder (..)' });
    expect(errors).toContainEqual({ file: '/etc/passwd', line: 0, field: '', message: 'refused: absolute path' });
  });

  it('refuses a symbolic link entry', () => {
    const z: Zippable = {};
    for (const [name, data] of Object.entries(tinyPack())) z[name] = data;
    z['hello-fork/link.c'] = [new TextEncoder().encode('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }];
    const { errors } = unzipPack(zipSync(z));
    expect(errors).toEqual([{ file: 'hello-fork/link.c', line: 0, field: '', message: 'refused: symbolic link' }]);
  });

  it('refuses a file larger than the limit before inflating it', () => {
    const { errors } = unzipPack(zipOf({ ...tinyPack(), 'zeros.bin': new Uint8Array(3 * 1024 * 1024) }));
    expect(errors).toEqual([{ file: 'zeros.bin', line: 0, field: '', message: expect.stringMatching(/^file too large: 3145728 bytes/) }]);
  });

  it('says when the bytes are not a zip', () => {
    const { errors } = unzipPack(new TextEncoder().encode('not a zip at all'), 'x.zip');
    expect(errors).toEqual([{ file: 'x.zip', line: 0, field: '', message: expect.stringMatching(/^not a readable zip file/) }]);
  });
});
