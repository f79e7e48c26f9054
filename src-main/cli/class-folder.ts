/**
 * Reading a class folder for `forklab grade`: what is in it, what may be read, and why anything
 * else is skipped. A symbolic link is followed only to a file or folder inside the class folder
 * (never out of it, so no file of the grader's machine ends up in a student's result); a broken
 * link, a named pipe, a device or a socket is skipped with its reason, as is a file too large to
 * be a C program. Submissions are read without following a link swapped in after the listing.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';

/** The largest submission file read (a C program of a student is far smaller). */
export const MAX_SUBMISSION_BYTES = 1024 * 1024;

/** An entry of the class folder that was not graded, and why (and whose, when known). */
export interface Skipped {
  path: string;
  reason: string;
  student?: string;
}

/** What an entry of a folder is, once links are resolved within the class folder. */
export type EntryKind = { kind: 'file'; path: string } | { kind: 'folder'; path: string } | { kind: 'skipped'; reason: string };

/** True when `path` (resolved) lies inside `root` (resolved), or is it. */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** A sentence naming what a non-regular, non-folder file is. */
function otherKind(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe (FIFO), not a file';
  if (st.isSocket()) return 'a socket, not a file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device, not a file';
  return 'not a regular file';
}

/**
 * What `full` is, a symbolic link followed only inside `root` (the class folder's real path).
 * Never throws: anything that cannot be looked at is skipped with the reason.
 */
export function classEntry(root: string, full: string): EntryKind {
  let st: Stats;
  try {
    st = lstatSync(full);
    if (st.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(full);
      } catch {
        return { kind: 'skipped', reason: 'a broken symbolic link (it points to nothing)' };
      }
      if (!isInside(root, target)) return { kind: 'skipped', reason: 'a symbolic link to something outside the class folder' };
      st = statSync(target);
      full = target;
    }
  } catch (e) {
    return { kind: 'skipped', reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  if (st.isDirectory()) return { kind: 'folder', path: full };
  if (!st.isFile()) return { kind: 'skipped', reason: otherKind(st) };
  if (st.size > MAX_SUBMISSION_BYTES) return { kind: 'skipped', reason: `too large for a C program (${st.size} bytes; at most ${MAX_SUBMISSION_BYTES})` };
  return { kind: 'file', path: full };
}

/** The names in a folder, sorted; [] (and a skipped entry) when it cannot be listed. */
export function listFolder(folder: string, skipped: Skipped[]): string[] {
  try {
    return readdirSync(folder).sort();
  } catch (e) {
    skipped.push({ path: folder, reason: `cannot be listed (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
    return [];
  }
}

/**
 * A submission's text, read through a descriptor opened without following a symbolic link
 * (O_NOFOLLOW) and checked to be a regular file of at most MAX_SUBMISSION_BYTES. Throws an Error
 * saying why it cannot be read.
 */
export function readSubmission(path: string): string {
  return Buffer.from(readSubmissionBytes(path)).toString('utf8');
}

/** A submission's bytes (a hand-in zip), read as `readSubmission` reads text. */
export function readSubmissionBytes(path: string): Uint8Array {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error(`${path} is not a regular file`);
    if (st.size > MAX_SUBMISSION_BYTES) throw new Error(`${path} is too large for a C program (${st.size} bytes)`);
    const bytes = Buffer.alloc(st.size);
    let n = 0;
    while (n < bytes.length) {
      const got = readSync(fd, bytes, n, bytes.length - n, n);
      if (got === 0) break;
      n += got;
    }
    return new Uint8Array(bytes.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/** The real path of a class folder (links in its own path resolved once). */
export function classRoot(folder: string): string {
  return realpathSync(folder);
}
