/**
 * Where the lab keeps what it can make again (the pack cache, the code cache): the platform's
 * cache folder, ~/.cache/forklab on Linux ($XDG_CACHE_HOME when set).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

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
