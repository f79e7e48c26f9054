/**
 * The disk behind the editor's Open and Save (source-files.ts FileDialogs), with node:fs and no
 * electron, so tests drive it on a real disk. A path the user picks may be anything: a named
 * pipe (reading it would wait for ever), a device such as /dev/zero (it never ends), a link to
 * one. Only regular files are read, and never more than asked.
 */
import { open, stat, writeFile } from 'node:fs/promises';

/** What a path is: a regular file with its size, something else, or nothing yet. */
export type PathKind = { kind: 'file'; size: number } | { kind: 'other' } | { kind: 'missing' };

/** What `path` is (links followed). */
export async function pathKind(path: string): Promise<PathKind> {
  try {
    const s = await stat(path);
    return s.isFile() ? { kind: 'file', size: s.size } : { kind: 'other' };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw e;
  }
}

/** At most `maxBytes` bytes from the start of the file at `path`. */
export async function readAtMost(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(maxBytes);
    let filled = 0;
    while (filled < maxBytes) {
      const { bytesRead } = await handle.read(buffer, filled, maxBytes - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/** Writes `text` as UTF-8 to `path`. */
export function writeText(path: string, text: string): Promise<void> {
  return writeFile(path, text, 'utf8');
}
