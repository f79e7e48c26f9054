/**
 * Kernel access to user memory (copy_from_user, copy_to_user, strncpy_from_user, get_user,
 * put_user): what system calls use to read their arguments and write their results. Every page
 * goes through handleMmFault exactly as a CPU access would, so a write triggers copy-on-write and
 * demand paging, and a bad pointer gives back the fault (the caller returns EFAULT or signals).
 */
import type { FaultFail } from './fault.ts';
import { handleMmFault } from './fault.ts';
import type { MmStruct } from './mm.ts';

export type UserResult<T> = { ok: true; value: T } | FaultFail;

/** The `length` bytes at `address`, or the fault of the first page that cannot be read. */
export function copyFromUser(mm: MmStruct, address: number, length: number): Uint8Array | FaultFail {
  const out = new Uint8Array(length);
  const ps = mm.pageSize;
  let done = 0;
  while (done < length) {
    const at = address + done;
    const page = handleMmFault(mm, at, false);
    if (!page.ok) return page;
    const offset = at % ps;
    const n = Math.min(ps - offset, length - done);
    out.set(page.bytes.subarray(offset, offset + n), done);
    done += n;
  }
  return out;
}

/**
 * Writes `bytes` at `address`. Every page is made writable first (COW copies, demand-zero pages),
 * so on a fault nothing has been written. Returns { ok: true } or the fault.
 */
export function copyToUser(mm: MmStruct, address: number, bytes: Uint8Array): { ok: true } | FaultFail {
  const ps = mm.pageSize;
  const targets: Uint8Array[] = [];
  for (let done = 0; done < bytes.length; ) {
    const at = address + done;
    const page = handleMmFault(mm, at, true);
    if (!page.ok) return page;
    const offset = at % ps;
    const n = Math.min(ps - offset, bytes.length - done);
    targets.push(page.bytes.subarray(offset, offset + n));
    done += n;
  }
  let done = 0;
  for (const target of targets) {
    target.set(bytes.subarray(done, done + target.length));
    done += target.length;
  }
  return { ok: true };
}

/**
 * The bytes of the NUL-terminated string at `address`, without the NUL, reading at most `max`
 * bytes. A result of exactly `max` bytes means no NUL was found within them (the caller decides:
 * E2BIG, ENAMETOOLONG, or truncate). Returns the fault if the string runs into a bad page.
 */
export function strncpyFromUser(mm: MmStruct, address: number, max: number): Uint8Array | FaultFail {
  const ps = mm.pageSize;
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < max) {
    const at = address + total;
    const page = handleMmFault(mm, at, false);
    if (!page.ok) return page;
    const offset = at % ps;
    const window = page.bytes.subarray(offset, offset + Math.min(ps - offset, max - total));
    const nul = window.indexOf(0);
    const piece = nul < 0 ? window : window.subarray(0, nul);
    chunks.push(piece);
    total += piece.length;
    if (nul >= 0) break;
  }
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Reads an unsigned 32-bit little-endian value (get_user). */
export function getUserU32(mm: MmStruct, address: number): UserResult<number> {
  const bytes = copyFromUser(mm, address, 4);
  if (!(bytes instanceof Uint8Array)) return bytes;
  return { ok: true, value: new DataView(bytes.buffer).getUint32(0, true) };
}

/** Reads a signed 32-bit little-endian value (an int). */
export function getUserI32(mm: MmStruct, address: number): UserResult<number> {
  const bytes = copyFromUser(mm, address, 4);
  if (!(bytes instanceof Uint8Array)) return bytes;
  return { ok: true, value: new DataView(bytes.buffer).getInt32(0, true) };
}

/** Reads an unsigned 64-bit little-endian value. */
export function getUserU64(mm: MmStruct, address: number): UserResult<bigint> {
  const bytes = copyFromUser(mm, address, 8);
  if (!(bytes instanceof Uint8Array)) return bytes;
  return { ok: true, value: new DataView(bytes.buffer).getBigUint64(0, true) };
}

/** Reads a pointer (a 64-bit value; user addresses are below 2^47, so it fits in a number). */
export function getUserPointer(mm: MmStruct, address: number): UserResult<number> {
  const r = getUserU64(mm, address);
  return r.ok ? { ok: true, value: Number(r.value) } : r;
}

/** Writes a 32-bit little-endian value (put_user); negative numbers are stored two's-complement. */
export function putUserU32(mm: MmStruct, address: number, value: number): { ok: true } | FaultFail {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value >>> 0, true);
  return copyToUser(mm, address, bytes);
}

/** Writes a 64-bit little-endian value (a bigint, wrapped to 64 bits, or a non-negative number). */
export function putUserU64(mm: MmStruct, address: number, value: bigint | number): { ok: true } | FaultFail {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt.asUintN(64, BigInt(value)), true);
  return copyToUser(mm, address, bytes);
}

/** True when a uaccess result is a fault rather than data. */
export function isUserFault(result: Uint8Array | { ok: boolean }): result is FaultFail {
  return !(result instanceof Uint8Array) && result.ok === false;
}
