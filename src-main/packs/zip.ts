/**
 * A pack from a .zip: its entries become the in-memory file map, under the same limits as a
 * folder (files.ts). Nothing the zip says is trusted:
 * - its end record must agree with itself and with its central directory (a zip whose two entry
 *   counts differ could show one tool an entry another tool hides);
 * - every entry's local header must name the same file as the directory, names must be unique,
 *   paths stay inside the pack and symbolic links are refused;
 * - sizes are checked from the directory before anything is inflated, and the inflated bytes are
 *   counted as they stream: an entry that inflates past its declared size (or past the limits)
 *   is stopped there, so a zip bomb costs at most one small chunk of work;
 * - every entry's CRC-32 is checked.
 * A zip made of one top folder (`my-pack/pack.yaml`) is read as that folder.
 */
import { Inflate } from 'fflate';
import { MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES, normalizePath, pathProblem } from './files.ts';
import type { PackError, PackFiles } from './types.ts';

export interface ZipResult {
  files: PackFiles;
  errors: PackError[];
}

/** A problem with the zip as a whole (its structure), not with one entry. */
class ZipFormatError extends Error {}

/** Reads a zip's bytes into a pack file map; `errors` says why entries were refused. */
export function unzipPack(bytes: Uint8Array, zipName = 'pack.zip'): ZipResult {
  const whole = (message: string): ZipResult => ({ files: {}, errors: [{ file: zipName, line: 0, field: '', message }] });
  let entries: ZipEntryInfo[];
  try {
    entries = readCentralDirectory(bytes);
  } catch (e) {
    return whole(`not a readable zip file: ${(e as Error).message}`);
  }
  const errors = checkEntries(entries, zipName);
  if (errors.length > 0) return { files: {}, errors };
  const files: PackFiles = {};
  for (const entry of entries.filter((e) => !e.name.endsWith('/'))) {
    try {
      files[normalizePath(entry.name)] = extractEntry(bytes, entry);
    } catch (e) {
      if (e instanceof ZipFormatError) return whole(`not a readable zip file: ${e.message}`);
      errors.push({ file: entry.name, line: 0, field: '', message: (e as Error).message });
    }
  }
  if (errors.length > 0) return { files: {}, errors };
  return { files: stripTopFolder(files), errors };
}

/** The limits and names of the directory's entries, checked before anything is inflated. */
function checkEntries(entries: ZipEntryInfo[], zipName: string): PackError[] {
  const errors: PackError[] = [];
  const fileEntries = entries.filter((e) => !e.name.endsWith('/'));
  if (fileEntries.length > MAX_FILES) {
    errors.push({ file: zipName, line: 0, field: '', message: `too many files: ${fileEntries.length} (at most ${MAX_FILES})` });
  }
  let total = 0;
  const seen = new Set<string>();
  for (const entry of fileEntries) {
    const problem = pathProblem(entry.name) ?? (entry.symlink ? 'symbolic link' : null);
    if (problem) {
      errors.push({ file: entry.name, line: 0, field: '', message: `refused: ${problem}` });
      continue;
    }
    const name = normalizePath(entry.name);
    if (seen.has(name)) {
      errors.push({ file: entry.name, line: 0, field: '', message: 'refused: the zip holds two entries with this name' });
      continue;
    }
    seen.add(name);
    if (entry.size > MAX_FILE_BYTES) {
      errors.push({ file: entry.name, line: 0, field: '', message: `file too large: ${entry.size} bytes (at most ${MAX_FILE_BYTES})` });
      continue;
    }
    total += entry.size;
  }
  if (total > MAX_TOTAL_BYTES) {
    errors.push({ file: zipName, line: 0, field: '', message: `pack too large: ${total} bytes in all (at most ${MAX_TOTAL_BYTES})` });
  }
  return errors;
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
  compressedSize: number;
  crc: number;
  /** 0 stored, 8 deflated */
  method: number;
  flags: number;
  /** where its local header starts */
  localOffset: number;
  symlink: boolean;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;

/** The offset of the end of central directory record; the last one whose comment ends the file. */
function findEndRecord(bytes: Uint8Array, view: DataView): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE && i + 22 + view.getUint16(i + 20, true) === bytes.length) return i;
  }
  throw new Error('no end of central directory');
}

/**
 * The zip's central directory: names, sizes, CRCs and whether an entry is a Unix symbolic link.
 * Throws when the end record and the directory disagree (entry counts, sizes, offsets, disks).
 */
function readCentralDirectory(bytes: Uint8Array): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndRecord(bytes, view);
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE) throw new Error('ZIP64 archives are not supported');
  const disk = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  const countHere = view.getUint16(eocd + 8, true);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (disk !== 0 || cdDisk !== 0) throw new Error('split (multi-disk) zips are not supported');
  if (countHere !== count) throw new Error(`its end record gives two different entry counts (${countHere} and ${count})`);
  if (cdOffset + cdSize !== eocd) throw new Error('its central directory does not end where the end record begins');
  const entries: ZipEntryInfo[] = [];
  const decoder = new TextDecoder();
  let offset = cdOffset;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > eocd || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) throw new Error('bad central directory');
    const madeBy = view.getUint16(offset + 4, true) >> 8;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const external = view.getUint32(offset + 38, true);
    const unixMode = madeBy === 3 ? external >>> 16 : 0;
    entries.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      crc: view.getUint32(offset + 16, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
      symlink: (unixMode & S_IFMT) === S_IFLNK,
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  if (offset !== eocd) throw new Error(`its central directory holds more than the ${count} entries its end record counts`);
  return entries;
}

/**
 * An entry's bytes: its local header checked against the directory, inflated in small chunks
 * with the output counted (never past its declared size), and its CRC-32 checked. Throws an
 * Error for a bad entry, a ZipFormatError when the zip's structure is broken.
 */
function extractEntry(bytes: Uint8Array, entry: ZipEntryInfo): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw new ZipFormatError(`no local header for ${entry.name}`);
  const nameLength = view.getUint16(at + 26, true);
  const localName = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
  if (localName !== entry.name) throw new ZipFormatError(`the local header of ${entry.name} names another file (${localName})`);
  if (entry.flags & 1) throw new Error('refused: encrypted entry');
  const start = at + 30 + nameLength + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError(`${entry.name} runs past the end of the zip`);
  const data = bytes.subarray(start, end);
  let out: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new Error(`stored entry of ${entry.compressedSize} bytes declares ${entry.size}`);
    out = data.slice();
  } else if (entry.method === 8) {
    out = inflateBounded(data, entry.size);
  } else {
    throw new Error(`refused: compression method ${entry.method} (only stored and deflated entries are read)`);
  }
  if (crc32(out) !== entry.crc) throw new Error('damaged: its CRC-32 does not match its contents');
  return out;
}

/** Input fed to the inflater at a time: at most about a thousand times this comes out of one piece. */
const INFLATE_CHUNK = 4096;

/** Inflates `data`, stopping as soon as the output would exceed `size` bytes; throws when it does or when it falls short. */
function inflateBounded(data: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let written = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over) return;
    if (written + chunk.length > size) {
      over = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let i = 0; i < data.length && !over; i += INFLATE_CHUNK) {
      inflater.push(data.subarray(i, i + INFLATE_CHUNK), i + INFLATE_CHUNK >= data.length);
    }
  } catch (e) {
    throw new Error(`damaged: it does not inflate (${(e as Error).message})`);
  }
  if (over) throw new Error(`refused: it inflates to more than the ${size} bytes its directory declares`);
  if (written !== size) throw new Error(`damaged: it inflates to ${written} bytes, not the ${size} its directory declares`);
  return out;
}

let crcTable: Int32Array | null = null;

/** The CRC-32 (IEEE, as zip uses it) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
