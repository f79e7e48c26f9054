/**
 * A cache of valid packs for the commands that grade (`forklab grade`): parsing and validating a
 * pack's YAML is about a third of the time of grading one submission, and an instructor grades
 * the same pack again and again. A valid pack, once loaded, is kept (v8-serialized, as the worker
 * pool's messages copy it) under the SHA-256 of the lab's build and of every file of the pack; a
 * later load of the same bytes by the same build reads it back instead of parsing again.
 *
 * Only valid packs are kept: an invalid pack is loaded in full every time, so its messages are
 * always the ones `loadPack` gives. Nothing is cached when the lab runs from source (no build
 * identity to key on), when FORKLAB_PACK_CACHE is "off", or when the cache folder cannot be
 * written; an unreadable or damaged entry is loaded in full and written again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { loadPack, type LoadResult } from '../packs/load.ts';
import type { Pack, PackFiles } from '../packs/types.ts';
import { cacheDirFrom, keepNewestEntries, writeCacheEntry } from '../host/cache-dir.ts';

/** Bumped whenever what an entry holds changes shape. */
const ENTRY_FORMAT = 'forklab-pack-cache-1';
/** Entries kept: the most recently written ones; older ones are deleted. */
const MAX_ENTRIES = 16;

/** The folder of the cache: FORKLAB_PACK_CACHE, else the platform's cache folder; null when off. */
export function packCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  return cacheDirFrom('FORKLAB_PACK_CACHE', 'pack-cache', env, platform);
}

/**
 * The identity of the running build: the bytes of out/node/build.json beside the built chunk
 * (rewritten at every build), or null when the lab runs from its TypeScript source.
 */
function buildIdentity(): Buffer | null {
  try {
    const here = new URL('./build.json', import.meta.url);
    if (here.protocol !== 'file:') return null;
    return readFileSync(here);
  } catch {
    return null;
  }
}

/** The cache key of `files` under `build`: every path and every byte, in path order. */
export function packCacheKey(files: PackFiles, build: Uint8Array): string {
  const hash = createHash('sha256');
  const field = (bytes: Uint8Array): void => {
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  };
  field(Buffer.from(ENTRY_FORMAT));
  field(build);
  for (const path of Object.keys(files).sort()) {
    field(Buffer.from(path));
    field(files[path]);
  }
  return hash.digest('hex');
}

/**
 * loadPack(files), read from the cache when this build loaded the same files before; a valid
 * result is written to the cache. Same result as loadPack, errors included. `build` and `dir`
 * are for tests (default: the running build's identity and packCacheDir()).
 */
export function loadPackCached(files: PackFiles, options: { build?: Uint8Array | null; dir?: string | null } = {}): LoadResult {
  const build = options.build === undefined ? buildIdentity() : options.build;
  const dir = options.dir === undefined ? packCacheDir() : options.dir;
  if (!build || !dir) return loadPack(files);
  const key = packCacheKey(files, build);
  const entry = join(dir, `${key}.bin`);
  const cached = readEntry(entry);
  if (cached) return { pack: cached, errors: [] };
  const loaded = loadPack(files);
  if (loaded.pack) writeEntry(dir, entry, loaded.pack);
  return loaded;
}

/** The pack kept in `entry`, or null when there is none or it is damaged. */
function readEntry(entry: string): Pack | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(entry);
  } catch {
    return null;
  }
  try {
    const value = deserialize(bytes) as { format?: unknown; pack?: Pack };
    if (value?.format !== ENTRY_FORMAT || !value.pack || !Array.isArray(value.pack.exercises)) return null;
    return value.pack;
  } catch {
    return null;
  }
}

/** Writes `pack` to `entry` whole or not at all, then deletes the oldest entries; never throws. */
function writeEntry(dir: string, entry: string, pack: Pack): void {
  try {
    writeCacheEntry(entry, serialize({ format: ENTRY_FORMAT, pack }));
    keepNewestEntries(dir, (name) => /^[0-9a-f]{64}\.bin$/.test(name), MAX_ENTRIES);
  } catch {
    // a cache that cannot be written only means the next load parses again
  }
}
