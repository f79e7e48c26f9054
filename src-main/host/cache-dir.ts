/**
 * Where the lab keeps what it can make again (the pack cache, the code cache): the platform's
 * cache folder, ~/.cache/forklab on Linux ($XDG_CACHE_HOME when set); and how an entry is
 * written there (whole or not at all) and old entries deleted.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The lab's cache folder, with `name` inside it. */
export function labCacheDir(name: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = homedir();
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'ForkLab', name);
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'ForkLab', name);
  return join(env.XDG_CACHE_HOME ?? join(home, '.cache'), 'forklab', name);
}

/**
 * A cache folder that a variable of the environment can move or turn off: `variable` set to
 * "off" is null (no cache), set to anything else is that folder, unset is labCacheDir(name).
 */
export function cacheDirFrom(variable: string, name: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  const set = env[variable];
  if (set === 'off') return null;
  if (set) return set;
  return labCacheDir(name, env, platform);
}

/**
 * The folder of V8's code cache (code-cache.ts): FORKLAB_CODE_CACHE (a folder, or "off"), else
 * code-cache in the lab's cache folder.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  return cacheDirFrom('FORKLAB_CODE_CACHE', 'code-cache', env, platform);
}

/**
 * Writes `bytes` as the file `entry` whole or not at all (a private temporary file, synced, then
 * renamed over it), making its folder if needed. Throws when it cannot; leaves no temporary file.
 */
export function writeCacheEntry(entry: string, bytes: Uint8Array): void {
  mkdirSync(dirname(entry), { recursive: true, mode: 0o700 });
  const temp = `${entry}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, entry);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/** Deletes all but the `keep` most recently written files of `dir` whose names `isEntry` accepts. */
export function keepNewestEntries(dir: string, isEntry: (name: string) => boolean, keep: number): void {
  const entries = readdirSync(dir)
    .filter(isEntry)
    .map((name) => ({ path: join(dir, name), mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of entries.slice(keep)) rmSync(old.path, { force: true });
}
