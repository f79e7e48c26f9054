/**
 * Storage on disk under one folder (the user data folder), with atomic writes: the new content
 * goes to a temporary file in the same folder, is flushed to the disk (fsync), then renamed over
 * the old file, and the folder is flushed. A crash or a kill at any moment leaves the old file or
 * the new one, never a partial one.
 */
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import { lock } from 'proper-lockfile';
import { dirname, join } from 'node:path';
import { asideName, checkStorageName, type Storage } from '../service/storage.ts';

/** Temporary files of interrupted saves start so; list() never shows them. */
const TEMP_PREFIX = '.tmp-';

export class NodeStorage implements Storage {
  constructor(readonly root: string) {}

  /** The file's path on disk. */
  pathOf(name: string): string {
    return join(this.root, ...checkStorageName(name).split('/'));
  }

  async read(name: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await fs.readFile(this.pathOf(name)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async writeAtomic(name: string, data: Uint8Array | string): Promise<void> {
    const target = this.pathOf(name);
    const folder = dirname(target);
    await fs.mkdir(folder, { recursive: true });
    await refuseReadOnly(target, name);
    const temp = join(folder, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}-${name.split('/').pop()}`);
    const handle = await fs.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } catch (e) {
      await handle.close();
      await fs.rm(temp, { force: true });
      throw e;
    }
    await handle.close();
    try {
      await fs.rename(temp, target);
    } catch (e) {
      await fs.rm(temp, { force: true });
      throw e;
    }
    await syncFolder(folder);
  }

  async moveAside(name: string, tag: string): Promise<string> {
    let target = asideName(name, tag, 0);
    for (let i = 1; await exists(this.pathOf(target)); i++) target = asideName(name, tag, i);
    await fs.rename(this.pathOf(name), this.pathOf(target));
    await syncFolder(dirname(this.pathOf(target)));
    return target;
  }

  async list(folder: string): Promise<string[]> {
    try {
      const entries = await fs.readdir(this.pathOf(folder), { withFileTypes: true });
      return entries.filter((e) => e.isFile() && !e.name.startsWith(TEMP_PREFIX)).map((e) => e.name).sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  }

  /**
   * Deletes temporary files left by saves that were killed before their rename, in the root and
   * the given folders. Only files older than `minAgeMs` go, so a save under way in another
   * process sharing the folder (the app and the browser host) is never disturbed.
   */
  async sweepTemporaryFiles(folders: string[] = [], minAgeMs = 60_000, now = Date.now()): Promise<number> {
    let removed = 0;
    for (const dir of [this.root, ...folders.map((f) => this.pathOf(f))]) {
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch {
        continue;
      }
      for (const name of names.filter((n) => n.startsWith(TEMP_PREFIX))) {
        const path = join(dir, name);
        try {
          const stat = await fs.lstat(path);
          if (stat.isFile() && now - stat.mtimeMs >= minAgeMs) {
            await fs.unlink(path);
            removed++;
          }
        } catch {
          // gone already
        }
      }
    }
    return removed;
  }

  async update(name: string, change: (current: Uint8Array | null) => Uint8Array | string): Promise<void> {
    const target = this.pathOf(name);
    await fs.mkdir(dirname(target), { recursive: true });
    let release: () => Promise<void>;
    try {
      release = await lock(target, { realpath: false, stale: LOCK_STALE_MS, retries: { retries: 40, minTimeout: 25, maxTimeout: 250 } });
    } catch (e) {
      throw new Error(`${name} is being saved by another copy of the lab and stayed locked (${(e as Error).message}); try again`);
    }
    try {
      await this.writeAtomic(name, change(await this.read(name)));
    } finally {
      await release().catch(() => undefined);
    }
  }

  async remove(name: string): Promise<boolean> {
    try {
      await fs.unlink(this.pathOf(name));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
  }
}

/** A lock older than this (its holder died) is taken over. */
const LOCK_STALE_MS = 10_000;

/**
 * Throws when `target` exists but may not be written: a read-only file is the user's decision
 * (or a sign that something is wrong), never silently replaced by a rename over it.
 */
async function refuseReadOnly(target: string, name: string): Promise<void> {
  let why: string | null = null;
  try {
    // the mode bits, because root may write whatever they say
    if (((await fs.stat(target)).mode & 0o222) === 0) why = 'its permissions allow no writing';
    else await fs.access(target, fsConstants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    why = code ?? (e as Error).message;
  }
  if (why) throw new Error(`${name} is read-only (${why}): the lab does not replace it; make it writable to save again`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Flushes a folder's entries (the rename) to disk; Windows cannot open folders, which is fine there. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
