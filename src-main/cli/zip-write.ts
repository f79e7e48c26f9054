/**
 * Writing a .zip the way `forklab pack export` and `forklab check`'s callers need: entries in a
 * stable order with a fixed date (the same input gives the same bytes), Unix modes so that scripts
 * stay executable where the platform unpacks them.
 */
import { zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  path: string;
  data: Uint8Array | string;
  /** a script: mode 755 instead of 644 */
  executable?: boolean;
}

/** A fixed date for every entry (zip dates start in 1980). */
const MTIME = new Date('2000-01-01T00:00:00Z');

/** The zip of these entries. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const tree: Zippable = {};
  for (const e of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const data = typeof e.data === 'string' ? new TextEncoder().encode(e.data) : e.data;
    tree[e.path] = [data, { os: 3, attrs: (e.executable ? 0o100755 : 0o100644) << 16, mtime: MTIME, level: 6 }];
  }
  return zipSync(tree);
}
