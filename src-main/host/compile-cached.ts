/**
 * Compiling a CommonJS bundle with its entry of V8's code cache, as code-cache.ts read them (in
 * this thread or another), and running it as require() would; then writing the entry when the
 * load could not use one. Loads code-cache.ts (and node:crypto) only to write.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import type { CodeCacheRead } from './code-cache.ts';

/** A bundle loaded by compileCached. */
export interface CachedModule<T> {
  exports: T;
  /** how the cache served this load: 'used', 'missing' (no entry, or a damaged one), 'rejected' (by V8), 'off' */
  cache: 'used' | 'missing' | 'rejected' | 'off';
  /**
   * Writes this load's entry when it had none it could use, with the bytecode of every function
   * compiled so far (call it once the job has run); does nothing otherwise; never rejects.
   */
  save(): Promise<void>;
}

/** Compiles and runs the bundle `read` holds, with its entry's bytecode when it has a sound one; its exports. */
export function compileCached<T>(read: CodeCacheRead): CachedModule<T> {
  const { file, entry } = read;
  const source = Buffer.from(read.source.buffer, read.source.byteOffset, read.source.byteLength).toString('utf8');
  const cachedData = read.cachedData === null ? undefined : Buffer.from(read.cachedData.buffer, read.cachedData.byteOffset, read.cachedData.byteLength);
  const script = new Script(wrapCommonJs(source), { filename: file, cachedData });
  const cache = entry === null ? 'off' : cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used';
  const exports = evaluateCommonJs<T>(script, file);
  let saved = false;
  return {
    exports,
    cache,
    async save() {
      if (saved || entry === null || cache === 'used') return;
      saved = true;
      try {
        const { writeCodeCacheEntry } = await import('./code-cache.ts');
        writeCodeCacheEntry(entry, script.createCachedData());
      } catch {
        // a cache that cannot be written only means the next start compiles from the source
      }
    },
  };
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
