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
 * made again after the job (`save`). The folder is the caller's (cache-dir.ts codeCacheDir); a
 * cache that cannot be read or written only means the bundle is compiled from its source.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Bumped whenever what an entry holds changes shape. */
const ENTRY_FORMAT = 'forklab-code-cache-1';
/** The checksum in front of an entry's payload. */
const CHECKSUM_BYTES = 32;
/** Entries kept per bundle name: the most recently written ones (older builds' are deleted). */
const MAX_ENTRIES = 4;

/** A bundle loaded by requireCached. */
export interface CachedModule<T> {
  exports: T;
  /** how the cache served this load: 'used', 'missing' (no entry, or a damaged one), 'rejected' (by V8), 'off' */
  cache: 'used' | 'missing' | 'rejected' | 'off';
  /**
   * Writes this load's entry when it had none it could use, with the bytecode of every function
   * compiled so far (call it once the job has run); does nothing otherwise; never throws.
   */
  save(): void;
}

/**
 * Loads the CommonJS bundle `file` (its exports, as require() gives them), compiled with its
 * entry of the code cache in `dir` when there is a sound one; `dir` null: no cache.
 */
export function requireCached<T>(file: string, dir: string | null): CachedModule<T> {
  const bytes = readFileSync(file);
  const entry = dir === null ? null : join(dir, entryName(file, bytes));
  const cachedData = entry === null ? undefined : readEntry(entry);
  const script = new Script(wrapCommonJs(bytes.toString('utf8')), { filename: file, cachedData });
  const cache = entry === null ? 'off' : cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used';
  const exports = evaluateCommonJs<T>(script, file);
  let saved = false;
  return {
    exports,
    cache,
    save() {
      if (saved || entry === null || cache === 'used') return;
      saved = true;
      writeEntry(entry, script.createCachedData());
    },
  };
}

/** The file name of `file`'s entry: its name and the SHA-256 of the format, Node's version and the bundle's bytes. */
function entryName(file: string, bytes: Uint8Array): string {
  const hash = createHash('sha256').update(`${ENTRY_FORMAT}\0${process.version}\0${process.arch}\0`).update(bytes).digest('hex');
  return `${basename(file)}-${hash}.bin`;
}

/** CommonJS's module wrapper around a bundle's source (what require() compiles). */
function wrapCommonJs(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

/** Runs a compiled wrapper as require() runs a module; its exports. */
function evaluateCommonJs<T>(script: Script, file: string): T {
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: { exports: T }, filename: string, dirname: string) => void;
  wrapper(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** The payload of `entry` when its checksum holds, else undefined (missing, unreadable, damaged). */
function readEntry(entry: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(entry);
  } catch {
    return undefined;
  }
  if (bytes.length <= CHECKSUM_BYTES) return undefined;
  const payload = bytes.subarray(CHECKSUM_BYTES);
  const sum = createHash('sha256').update(payload).digest();
  return sum.equals(bytes.subarray(0, CHECKSUM_BYTES)) ? payload : undefined;
}

/** Writes an entry whole or not at all (a temporary file renamed), then deletes old ones; never throws. */
function writeEntry(entry: string, payload: Buffer): void {
  const dir = dirname(entry);
  const temp = `${entry}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temp, Buffer.concat([createHash('sha256').update(payload).digest(), payload]), { mode: 0o600, flag: 'wx' });
    renameSync(temp, entry);
    pruneEntries(dir, entry);
  } catch {
    // a cache that cannot be written only means the next start compiles from the source
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing was written
    }
  }
}

/** Deletes all but the MAX_ENTRIES most recently written entries of the same bundle as `entry`. */
function pruneEntries(dir: string, entry: string): void {
  const prefix = basename(entry).replace(/-[0-9a-f]{64}\.bin$/, '-');
  const entries = readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && /-[0-9a-f]{64}\.bin$/.test(name))
    .map((name) => ({ path: join(dir, name), mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of entries.slice(MAX_ENTRIES)) rmSync(old.path, { force: true });
}
