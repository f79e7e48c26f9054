/**
 * A pack's files as an in-memory map, and the limits every door applies before a pack is read:
 * relative paths only (no `..`, no absolute paths), at most MAX_FILES files, MAX_FILE_BYTES per
 * file and MAX_TOTAL_BYTES in all. Domain code never touches the host's file system.
 */
import type { PackError, PackFiles } from './types.ts';

export const MAX_FILES = 1000;
export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_TOTAL_BYTES = 32 * 1024 * 1024;

/** Why `path` may not be a pack file's path, or null when it is a clean relative path. */
export function pathProblem(path: string): string | null {
  if (path === '') return 'empty path';
  if (path.includes('\0')) return 'path contains a NUL byte';
  if (path.includes('\\')) return 'path contains a backslash';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'absolute path';
  if (path.split('/').some((part) => part === '..')) return 'path leaves the pack folder (..)';
  return null;
}

/** "a/./b//c" → "a/b/c" (callers check pathProblem first). */
export function normalizePath(path: string): string {
  return path
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .join('/');
}

/** Checks the count and sizes of a pack's files, and every path; [] when within the limits. */
export function checkPackFiles(files: PackFiles): PackError[] {
  const errors: PackError[] = [];
  const names = Object.keys(files);
  if (names.length > MAX_FILES) {
    errors.push({ file: '', line: 0, field: '', message: `too many files: ${names.length} (at most ${MAX_FILES})` });
  }
  let total = 0;
  for (const name of names.sort()) {
    const problem = pathProblem(name);
    if (problem) errors.push({ file: name, line: 0, field: '', message: `refused: ${problem}` });
    const size = files[name].length;
    total += size;
    if (size > MAX_FILE_BYTES) {
      errors.push({ file: name, line: 0, field: '', message: `file too large: ${size} bytes (at most ${MAX_FILE_BYTES})` });
    }
  }
  if (total > MAX_TOTAL_BYTES) {
    errors.push({ file: '', line: 0, field: '', message: `pack too large: ${total} bytes in all (at most ${MAX_TOTAL_BYTES})` });
  }
  return errors;
}

/** The file's text as UTF-8, or null when it is not valid UTF-8. */
export function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The path of `name` (as written in exercise.yaml) inside the pack, or null when it escapes. */
export function exerciseFilePath(folder: string, name: string): string | null {
  if (pathProblem(name)) return null;
  return normalizePath(`${folder}/${name}`);
}
