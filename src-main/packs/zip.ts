/**
 * A pack from a .zip: its entries become the in-memory file map, under the same limits as a
 * folder (files.ts). Entries with path escapes or symbolic links are refused, sizes are checked
 * from the zip's directory before anything is inflated (a zip bomb is refused unread), and a zip
 * made of one top folder (`my-pack/pack.yaml`) is read as that folder.
 */
import { unzipSync } from 'fflate';
import { MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES, normalizePath, pathProblem } from './files.ts';
import type { PackError, PackFiles } from './types.ts';

export interface ZipResult {
  files: PackFiles;
  errors: PackError[];
}

/** Reads a zip's bytes into a pack file map; `errors` says why entries were refused. */
export function unzipPack(bytes: Uint8Array, zipName = 'pack.zip'): ZipResult {
  const errors: PackError[] = [];
  let entries: ZipEntryInfo[];
  try {
    entries = readCentralDirectory(bytes);
  } catch (e) {
    return { files: {}, errors: [{ file: zipName, line: 0, field: '', message: `not a readable zip file: ${(e as Error).message}` }] };
  }
  const fileEntries = entries.filter((e) => !e.name.endsWith('/'));
  if (fileEntries.length > MAX_FILES) {
    errors.push({ file: zipName, line: 0, field: '', message: `too many files: ${fileEntries.length} (at most ${MAX_FILES})` });
  }
  let total = 0;
  const accepted = new Set<string>();
  for (const entry of fileEntries) {
    const problem = pathProblem(entry.name) ?? (entry.symlink ? 'symbolic link' : null);
    if (problem) {
      errors.push({ file: entry.name, line: 0, field: '', message: `refused: ${problem}` });
      continue;
    }
    if (entry.size > MAX_FILE_BYTES) {
      errors.push({ file: entry.name, line: 0, field: '', message: `file too large: ${entry.size} bytes (at most ${MAX_FILE_BYTES})` });
      continue;
    }
    total += entry.size;
    accepted.add(entry.name);
  }
  if (total > MAX_TOTAL_BYTES) {
    errors.push({ file: zipName, line: 0, field: '', message: `pack too large: ${total} bytes in all (at most ${MAX_TOTAL_BYTES})` });
  }
  if (errors.length > 0) return { files: {}, errors };
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, { filter: (f) => accepted.has(f.name) && f.originalSize <= MAX_FILE_BYTES });
  } catch (e) {
    return { files: {}, errors: [{ file: zipName, line: 0, field: '', message: `not a readable zip file: ${(e as Error).message}` }] };
  }
  const files: PackFiles = {};
  for (const [name, data] of Object.entries(raw)) {
    if (data.length > MAX_FILE_BYTES) {
      errors.push({ file: name, line: 0, field: '', message: `file too large: ${data.length} bytes (at most ${MAX_FILE_BYTES})` });
      continue;
    }
    files[normalizePath(name)] = data;
  }
  if (errors.length > 0) return { files: {}, errors };
  return { files: stripTopFolder(files), errors };
}

/** `top/pack.yaml, top/a/…` → `pack.yaml, a/…` when every file is under one folder and pack.yaml is not at the root. */
export function stripTopFolder(files: PackFiles): PackFiles {
  const names = Object.keys(files);
  if (names.includes('pack.yaml') || names.length === 0) return files;
  const tops = new Set(names.map((n) => (n.includes('/') ? n.slice(0, n.indexOf('/')) : '')));
  if (tops.size !== 1 || tops.has('')) return files;
  const [top] = tops;
  const out: PackFiles = {};
  for (const n of names) out[n.slice(top.length + 1)] = files[n];
  return out;
}

interface ZipEntryInfo {
  name: string;
  /** uncompressed size as the directory states it */
  size: number;
  symlink: boolean;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** The zip's central directory: names, sizes and whether an entry is a Unix symbolic link. */
function readCentralDirectory(bytes: Uint8Array): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const entries: ZipEntryInfo[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw new Error('bad central directory');
    const madeBy = view.getUint16(offset + 4, true) >> 8;
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const external = view.getUint32(offset + 38, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    const unixMode = madeBy === 3 ? external >>> 16 : 0;
    entries.push({ name, size, symlink: (unixMode & S_IFMT) === S_IFLNK });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
