/**
 * V8's code cache for a CommonJS bundle the lab loads at every start (out/node/run-engine.cjs,
 * the engines of `forklab run`): the bundle is compiled with the bytecode a previous start kept,
 * so V8 neither parses its megabyte of JavaScript again nor compiles the functions that the
 * previous run used (Node 20 has no module.enableCompileCache; vm.Script's cachedData is the
 * same mechanism).
 *
 * An entry is named by the SHA-256 of the bundle's bytes and of Node's version (a rebuilt bundle
 * or another Node finds no entry: nothing stale is ever used) and starts with the SHA-256 of its
 * own payload, checked before V8 sees it: V8 does not check its payload, and damaged bytecode
 * would abort the process. An entry V8 refuses (other V8 flags) or that is damaged or missing is
 * made again after the job (compile-cached.ts `save`). The folder is the caller's (cache-dir.ts
 * codeCacheDir); a cache that cannot be read or written only means the bundle is compiled from
 * its source.
 *
 * This module finds, checks and writes entries; compile-cached.ts compiles with one. They are two
 * so that a worker can compile without loading node:crypto (milliseconds in a worker thread,
 * where the main thread has it at hand): the main thread reads the entry (readCodeCache) while
 * the worker starts, and the worker loads this module only to write an entry.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { keepNewestEntries, writeCacheEntry } from './cache-dir.ts';
import { basename, dirname, join } from 'node:path';

/** Bumped whenever what an entry holds changes shape. */
const ENTRY_FORMAT = 'forklab-code-cache-1';
/** The checksum in front of an entry's payload. */
const CHECKSUM_BYTES = 32;
/** Entries kept per bundle name: the most recently written ones (older builds' are deleted). */
const MAX_ENTRIES = 4;

/** A bundle and its entry, as readCodeCache found them: what compileCached needs (it can be sent to a worker). */
export interface CodeCacheRead {
  /** the bundle's path */
  file: string;
  /** the bundle's bytes */
  source: Uint8Array;
  /** the path of the bundle's entry, or null when there is no cache */
  entry: string | null;
  /** the entry's payload when it is there and sound, else null (missing, unreadable, damaged) */
  cachedData: Uint8Array | null;
}

/** Reads the bundle `file` and its entry of the code cache in `dir` (null: no cache). Throws when the bundle cannot be read. */
export function readCodeCache(file: string, dir: string | null): CodeCacheRead {
  const source = readFileSync(file);
  const entry = dir === null ? null : join(dir, entryName(file, source));
  return { file, source, entry, cachedData: entry === null ? null : readEntry(entry) };
}

/** The file name of `file`'s entry: its name and the SHA-256 of the format, Node's version and the bundle's bytes. */
function entryName(file: string, bytes: Uint8Array): string {
  const hash = createHash('sha256').update(`${ENTRY_FORMAT}\0${process.version}\0${process.arch}\0`).update(bytes).digest('hex');
  return `${basename(file)}-${hash}.bin`;
}

/** The payload of `entry` when its checksum holds, else null (missing, unreadable, damaged). */
function readEntry(entry: string): Buffer | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(entry);
  } catch {
    return null;
  }
  if (bytes.length <= CHECKSUM_BYTES) return null;
  const payload = bytes.subarray(CHECKSUM_BYTES);
  const sum = createHash('sha256').update(payload).digest();
  return sum.equals(bytes.subarray(0, CHECKSUM_BYTES)) ? payload : null;
}

/** Writes `payload` as `entry`, whole or not at all (a temporary file renamed), then deletes old entries; never throws. */
export function writeCodeCacheEntry(entry: string, payload: Uint8Array): void {
  try {
    writeCacheEntry(entry, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
    // the entries of the same bundle (other builds' hashes) beyond the newest MAX_ENTRIES
    const prefix = basename(entry).replace(/-[0-9a-f]{64}\.bin$/, '-');
    keepNewestEntries(dirname(entry), (name) => name.startsWith(prefix) && /-[0-9a-f]{64}\.bin$/.test(name), MAX_ENTRIES);
  } catch {
    // a cache that cannot be written only means the next start compiles from the source
  }
}
