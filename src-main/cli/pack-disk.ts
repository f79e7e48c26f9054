/**
 * The door that reads a pack folder or .zip from disk into the in-memory file map the domain code
 * loads (limits, no path escapes, no symbolic links out of the folder).
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { InputFileError, readInputFile } from './read-input.ts';
import { isAbsolute, join, relative, sep } from 'node:path';
import { MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES } from '../packs/files.ts';
import type { PackError, PackFiles } from '../packs/types.ts';
import { unzipPack } from '../packs/zip.ts';

/** A pack read from disk: its files, or why it could not be read. */
export interface PackOnDisk {
  files: PackFiles;
  errors: PackError[];
}

/** Reads a pack folder or .zip into a file map; errors for escapes, symlinks out, and the limits. */
export function readPackFromDisk(path: string): PackOnDisk {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return { files: {}, errors: [{ file: path, line: 0, field: '', message: 'no such file or folder' }] };
  }
  const refused = (message: string): PackOnDisk => ({ files: {}, errors: [{ file: path, line: 0, field: '', message }] });
  if (stat.isFile()) {
    if (stat.size > MAX_TOTAL_BYTES) return refused(`zip too large: ${stat.size} bytes (at most ${MAX_TOTAL_BYTES})`);
    try {
      return unzipPack(readInputFile(path, MAX_TOTAL_BYTES), path);
    } catch (e) {
      if (e instanceof InputFileError) return refused(e.reason);
      throw e;
    }
  }
  if (!stat.isDirectory()) return refused('not a pack: a pack is a folder or a .zip file, and this is neither (a device, a named pipe or a socket)');
  return readPackFolder(path);
}

/**
 * Reads every file under `dir` (names starting with "." skipped). A symbolic link is followed
 * only when it stays inside the folder; one that leads out is an error, as are too many files or
 * bytes (checked while reading, so a huge folder is not read whole).
 */
export function readPackFolder(dir: string): PackOnDisk {
  const root = realpathSync(dir);
  const files: PackFiles = {};
  const errors: PackError[] = [];
  let count = 0;
  let total = 0;
  const visited = new Set<string>();
  const walk = (real: string, rel: string): void => {
    if (visited.has(real)) return;
    visited.add(real);
    let names: string[];
    try {
      names = readdirSync(real).sort();
    } catch (e) {
      errors.push({ file: rel || dir, line: 0, field: '', message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const relPath = rel ? `${rel}/${name}` : name;
      let full = join(real, name);
      const lst = lstatSync(full);
      if (lst.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(full);
        } catch {
          errors.push({ file: relPath, line: 0, field: '', message: 'refused: a symbolic link to nothing' });
          continue;
        }
        const inside = relative(root, target);
        if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
          errors.push({ file: relPath, line: 0, field: '', message: 'refused: a symbolic link that leads out of the pack folder' });
          continue;
        }
        full = target;
      }
      const st = statSync(full);
      if (st.isDirectory()) {
        walk(full, relPath);
        continue;
      }
      if (!st.isFile()) {
        errors.push({ file: relPath, line: 0, field: '', message: 'refused: not a regular file (a named pipe, a device or a socket)' });
        continue;
      }
      if (++count > MAX_FILES) {
        errors.push({ file: dir, line: 0, field: '', message: `too many files (at most ${MAX_FILES})` });
        return;
      }
      if (st.size > MAX_FILE_BYTES) {
        errors.push({ file: relPath, line: 0, field: '', message: `file too large: ${st.size} bytes (at most ${MAX_FILE_BYTES})` });
        continue;
      }
      total += st.size;
      if (total > MAX_TOTAL_BYTES) {
        errors.push({ file: dir, line: 0, field: '', message: `pack too large (at most ${MAX_TOTAL_BYTES} bytes in all)` });
        return;
      }
      try {
        files[relPath] = readInputFile(full, MAX_FILE_BYTES);
      } catch (e) {
        if (!(e instanceof InputFileError)) throw e;
        errors.push({ file: relPath, line: 0, field: '', message: `cannot be read (${e.reason})` });
      }
    }
  };
  walk(root, '');
  return errors.length > 0 ? { files: {}, errors } : { files, errors };
}

