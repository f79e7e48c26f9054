// V8's code cache of the bundle `forklab run` loads (src-main/host/code-cache.ts reads and
// writes entries, compile-cached.ts compiles with them): an entry made
// after a first load serves the next one; a damaged entry (V8 would abort the process on it), an
// entry V8 refuses and a changed bundle are never used, and the entry is made again; no folder,
// or a folder that cannot be written, only means no cache.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { createHash } from 'node:crypto';
import { readCodeCache } from '../../src-main/host/code-cache.ts';
import { compileCached } from '../../src-main/host/compile-cached.ts';
import { codeCacheDir } from '../../src-main/host/cache-dir.ts';

const root = mkdtempSync(join(tmpdir(), 'forklab-code-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A CommonJS bundle with a few functions worth caching, in a fresh folder; its path. */
function bundle(name: string, factor = 2): string {
  const file = join(mkdtempSync(join(root, 'bundle-')), name);
  const functions = Array.from({ length: 50 }, (_, i) => `function f${i}(x) { return x * ${factor} + ${i}; }`).join('\n');
  writeFileSync(file, `${functions}\nexports.total = (x) => [${Array.from({ length: 50 }, (_, i) => `f${i}`).join(', ')}].reduce((s, f) => s + f(x), 0);\nexports.path = require('node:path').basename(__filename);\n`);
  return file;
}

/**
 * The same bytes under another path: they share `file`'s entry, but not V8's in-memory cache of
 * compiled scripts (keyed by path), so loading the copy shows whether V8 took the entry.
 */
function copyOf(file: string): string {
  const copy = join(mkdtempSync(join(root, 'copy-')), 'engine.cjs');
  writeFileSync(copy, readFileSync(file));
  return copy;
}

function entries(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.bin'));
}

type Exports = { total(x: number): number; path: string };

/** The bundle `file` compiled with its entry in `dir`, as the worker of a run loads its engine. */
function requireCached(file: string, dir: string | null) {
  return compileCached<Exports>(readCodeCache(file, dir));
}

describe('requireCached', async () => {
  it('loads the bundle as require() would, then serves the next load from the entry it saved', async () => {
    const file = bundle('engine.cjs');
    const dir = join(root, 'cache-a');
    const first = requireCached(file, dir);
    expect(first.cache).toBe('missing');
    expect(first.exports.total(1)).toBe(50 * 2 + (49 * 50) / 2);
    expect(first.exports.path).toBe('engine.cjs');
    await first.save();
    expect(entries(dir)).toHaveLength(1);
    const second = requireCached(copyOf(file), dir);
    expect(second.cache).toBe('used');
    expect(second.exports.total(1)).toBe(first.exports.total(1));
  });

  it('never hands V8 a damaged entry (V8 aborts the process on one): the bundle compiles from source and the entry is made again', async () => {
    const file = bundle('engine.cjs');
    const dir = join(root, 'cache-b');
    await requireCached(file, dir).save();
    const [name] = entries(dir);
    const bytes = readFileSync(join(dir, name));
    for (let i = 40; i < bytes.length; i += 7) bytes[i] ^= 0x5a;
    writeFileSync(join(dir, name), bytes);
    const damaged = requireCached(file, dir);
    expect(damaged.cache).toBe('missing');
    expect(damaged.exports.total(2)).toBe(50 * 4 + (49 * 50) / 2);
    await damaged.save();
    expect(requireCached(copyOf(file), dir).cache).toBe('used');
    // a truncated entry too
    writeFileSync(join(dir, name), bytes.subarray(0, 20));
    expect(requireCached(file, dir).cache).toBe('missing');
  });

  it('gives a changed bundle (even of the same length) its own entry: a stale one is never used', async () => {
    const file = bundle('engine.cjs', 2);
    const dir = join(root, 'cache-c');
    await requireCached(file, dir).save();
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('x * 2', 'x * 3'));
    const changed = requireCached(file, dir);
    expect(changed.cache).toBe('missing');
    expect(changed.exports.total(1)).toBe(50 * 3 + (49 * 50) / 2);
  });

  it('makes again an entry whose bytes are sound but that V8 refuses', async () => {
    const file = bundle('engine.cjs');
    const dir = join(root, 'cache-d');
    await requireCached(file, dir).save();
    const [name] = entries(dir);
    const copy = copyOf(file);
    // bytecode of another script, with a checksum that holds: V8 itself refuses it
    const other = new Script('(function () { return 1; })').createCachedData();
    writeFileSync(join(dir, name), Buffer.concat([createHash('sha256').update(other).digest(), other]));
    const refused = requireCached(copy, dir);
    expect(refused.cache).toBe('rejected');
    expect(refused.exports.total(0)).toBe((49 * 50) / 2);
    await refused.save();
    expect(requireCached(copyOf(file), dir).cache).toBe('used');
  });

  it('works without a cache: none asked for (off), or a folder it cannot write', async () => {
    const file = bundle('engine.cjs');
    const off = requireCached(file, null);
    expect(off.cache).toBe('off');
    await off.save();
    expect(off.exports.total(0)).toBe((49 * 50) / 2);
    const locked = join(root, 'locked');
    writeFileSync(locked, 'a file where the folder should be');
    const unwritable = requireCached(file, join(locked, 'cache'));
    expect(unwritable.cache).toBe('missing');
    await unwritable.save();
    expect(unwritable.exports.total(0)).toBe((49 * 50) / 2);
  });

  it('keeps its entries in FORKLAB_CODE_CACHE, else in the lab cache folder; "off" turns it off', async () => {
    expect(codeCacheDir({ FORKLAB_CODE_CACHE: 'off' }, 'linux')).toBeNull();
    expect(codeCacheDir({ FORKLAB_CODE_CACHE: '/somewhere' }, 'linux')).toBe('/somewhere');
    expect(codeCacheDir({ XDG_CACHE_HOME: '/x' }, 'linux')).toBe(join('/x', 'forklab', 'code-cache'));
  });
});
