/**
 * The grading commands' cache of valid packs (src-main/cli/pack-cache.ts): a second load of the
 * same bytes by the same build gives the same pack without parsing; a changed file, a changed
 * build or a damaged entry loads in full; an invalid pack is never kept and gives loadPack's
 * messages every time.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPackCached, packCacheDir } from '../../src-main/cli/pack-cache.ts';
import { readPackFromDisk } from '../../src-main/cli/pack-disk.ts';
import { loadPack } from '../../src-main/packs/load.ts';
import { tinyPack } from './tiny-pack.ts';

const BUILD = new TextEncoder().encode('build A');
const builtin = readPackFromDisk(fileURLToPath(new URL('../../exercises/process-basics', import.meta.url))).files;

function cacheDir(): string {
  return mkdtempSync(join(tmpdir(), 'forklab-pack-cache-'));
}

describe('loadPackCached', () => {
  it('keeps a valid pack and gives back the same pack from the cache', () => {
    const dir = cacheDir();
    const first = loadPackCached(builtin, { build: BUILD, dir });
    expect(first.errors).toEqual([]);
    expect(readdirSync(dir)).toHaveLength(1);
    const again = loadPackCached(builtin, { build: BUILD, dir });
    expect(again.pack).not.toBe(first.pack);
    expect(again).toEqual(loadPack(builtin));
  });

  it('reads the cached entry instead of the YAML', () => {
    const dir = cacheDir();
    const files = tinyPack();
    loadPackCached(files, { build: BUILD, dir });
    const [entry] = readdirSync(dir);
    // an entry written for these bytes under a different (valid) pack is what comes back: proof that nothing was parsed
    const other = cacheDir();
    loadPackCached(builtin, { build: BUILD, dir: other });
    writeFileSync(join(dir, entry), readFileSync(join(other, readdirSync(other)[0])));
    expect(loadPackCached(files, { build: BUILD, dir }).pack?.id).toBe('process-basics');
  });

  it('loads in full when a file or the build changed', () => {
    const dir = cacheDir();
    const files = tinyPack();
    loadPackCached(files, { build: BUILD, dir });
    const edited = { ...files, 'pack.yaml': new TextEncoder().encode(new TextDecoder().decode(files['pack.yaml']).replace('A tiny pack', 'Another title')) };
    expect(loadPackCached(edited, { build: BUILD, dir }).pack?.title).toBe('Another title');
    loadPackCached(files, { build: new TextEncoder().encode('build B'), dir });
    expect(readdirSync(dir)).toHaveLength(3);
  });

  it('loads in full when an entry is damaged, and writes it again', () => {
    const dir = cacheDir();
    const files = tinyPack();
    loadPackCached(files, { build: BUILD, dir });
    const [entry] = readdirSync(dir);
    writeFileSync(join(dir, entry), 'not an entry');
    expect(loadPackCached(files, { build: BUILD, dir })).toEqual(loadPack(files));
    expect(loadPackCached(files, { build: BUILD, dir })).toEqual(loadPack(files));
  });

  it('never keeps an invalid pack: its messages are loadPack’s every time', () => {
    const dir = cacheDir();
    const files = { ...tinyPack(), 'pack.yaml': new TextEncoder().encode('id: [unclosed\n') };
    const expected = loadPack(files);
    expect(expected.pack).toBeNull();
    expect(loadPackCached(files, { build: BUILD, dir })).toEqual(expected);
    expect(loadPackCached(files, { build: BUILD, dir })).toEqual(expected);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is off without a build identity (running from source) or with FORKLAB_PACK_CACHE=off', () => {
    const dir = cacheDir();
    expect(loadPackCached(tinyPack(), { build: null, dir }).pack?.id).toBe('tiny');
    expect(readdirSync(dir)).toEqual([]);
    expect(packCacheDir({ FORKLAB_PACK_CACHE: 'off' }, 'linux')).toBeNull();
    expect(packCacheDir({ XDG_CACHE_HOME: '/x' }, 'linux')).toBe(join('/x', 'forklab', 'pack-cache'));
  });
});

