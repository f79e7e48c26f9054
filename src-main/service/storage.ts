/**
 * Storage: where the lab keeps the student's files (progress, scratch program, imported packs).
 * Names are relative paths with `/` ("progress.json", "packs/x.zip"). Domain code sees only this
 * interface; the Node implementation (atomic writes on disk) is src-main/host/node-storage.ts.
 */

export interface Storage {
  /** The file's bytes, or null when it does not exist. */
  read(name: string): Promise<Uint8Array | null>;
  /**
   * Replaces the file as one step: after a crash or a kill at any moment the file holds either
   * its previous content or the new one, never a mix or nothing.
   */
  writeAtomic(name: string, data: Uint8Array | string): Promise<void>;
  /** Renames the file to a new name next to it (never overwriting) and returns where it went. */
  moveAside(name: string, tag: string): Promise<string>;
  /** Names of the files in a folder ("packs"), sorted; [] when the folder does not exist. */
  list(folder: string): Promise<string[]>;
  /** Removes a file; false when it did not exist. */
  remove(name: string): Promise<boolean>;
  /**
   * Read-modify-write under an exclusive lock that every process sharing the folder respects (the
   * app and the browser host): `change` gets the file's current bytes (null when absent) and
   * returns the new content, written atomically before the lock is released. Two processes that
   * update the same file one after the other each see the other's change. Throws, and writes
   * nothing, when the lock cannot be had or the file may not be written (a read-only file).
   */
  update(name: string, change: (current: Uint8Array | null) => Uint8Array | string): Promise<void>;
}

/** Checks a storage name: relative, `/`-separated, no empty, `.` or `..` parts. Throws otherwise. */
export function checkStorageName(name: string): string {
  const parts = name.split('/');
  if (name === '' || name.includes('\\') || name.includes('\0') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new Error(`not a storage name: ${JSON.stringify(name)}`);
  }
  return name;
}

/** Storage in memory (tests, and a lab that keeps nothing). */
export class MemoryStorage implements Storage {
  readonly files = new Map<string, Uint8Array>();

  async read(name: string): Promise<Uint8Array | null> {
    return this.files.get(checkStorageName(name)) ?? null;
  }

  async writeAtomic(name: string, data: Uint8Array | string): Promise<void> {
    this.files.set(checkStorageName(name), typeof data === 'string' ? new TextEncoder().encode(data) : data.slice());
  }

  async moveAside(name: string, tag: string): Promise<string> {
    const data = this.files.get(checkStorageName(name));
    if (!data) throw new Error(`no file ${name}`);
    let target = asideName(name, tag, 0);
    for (let i = 1; this.files.has(target); i++) target = asideName(name, tag, i);
    this.files.delete(name);
    this.files.set(target, data);
    return target;
  }

  async list(folder: string): Promise<string[]> {
    const prefix = checkStorageName(folder) + '/';
    return [...this.files.keys()]
      .filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
      .map((k) => k.slice(prefix.length))
      .sort();
  }

  async remove(name: string): Promise<boolean> {
    return this.files.delete(checkStorageName(name));
  }

  private updating: Promise<void> = Promise.resolve();

  update(name: string, change: (current: Uint8Array | null) => Uint8Array | string): Promise<void> {
    const next = this.updating.catch(() => undefined).then(async () => this.writeAtomic(name, change(await this.read(name))));
    this.updating = next;
    return next;
  }
}

/** "progress.json" + tag "corrupt-2026…" → "progress.corrupt-2026….json" (n > 0 adds "-n"). */
export function asideName(name: string, tag: string, n: number): string {
  const slash = name.lastIndexOf('/');
  const dot = name.lastIndexOf('.');
  const safeTag = tag.replace(/[^A-Za-z0-9._-]/g, '-');
  const suffix = n > 0 ? `${safeTag}-${n}` : safeTag;
  if (dot > slash + 1) return `${name.slice(0, dot)}.${suffix}${name.slice(dot)}`;
  return `${name}.${suffix}`;
}
