/**
 * Reading a file the user names on the command line (a program, its terminal input, a file to
 * give it, a --why text): only a regular file (links followed: it is the user's own machine), and
 * at most a limit of bytes. A named pipe that no one writes, /dev/zero or /dev/urandom used to
 * hang `forklab run` or grow it to gigabytes; a directory was a bare "cannot read".
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why a file named on the command line was not read: a sentence that follows its path. */
export class InputFileError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`cannot read ${path}: ${reason}`);
    this.name = 'InputFileError';
  }
}

/** "1 MiB", "16 MiB", "512 bytes". */
function sizeText(bytes: number): string {
  return bytes >= 1 << 20 && bytes % (1 << 20) === 0 ? `${bytes / (1 << 20)} MiB` : `${bytes.toLocaleString('en-US')} bytes`;
}

/** The words for what a file that is not a regular file is. */
function kindOf(st: ReturnType<typeof fstatSync>): string {
  if (st.isDirectory()) return 'it is a folder, not a file';
  if (st.isFIFO()) return 'it is a named pipe (FIFO), not a file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'it is a device, not a file';
  if (st.isSocket()) return 'it is a socket, not a file';
  return 'it is not a regular file';
}

/** The reason an open failed, in words. */
function openProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'there is no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many symbolic links';
  return code ?? (e as Error).message;
}

/**
 * The bytes of the regular file at `path`, at most `maxBytes` of them. Throws InputFileError
 * (missing, unreadable, not a regular file, larger than the limit) before reading more than
 * `maxBytes + 1` bytes, whatever the file claims its size is.
 */
export function readInputFile(path: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    // O_NONBLOCK: opening a named pipe must not wait for a writer
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new InputFileError(path, openProblem(e));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputFileError(path, kindOf(st));
    const tooLarge = new InputFileError(path, `it is larger than ${sizeText(maxBytes)}, the most the lab takes`);
    if (st.size > maxBytes) throw tooLarge;
    // read until the end, growing the buffer up to one byte past the limit (to tell "too large")
    let bytes = Buffer.alloc(Math.min(maxBytes + 1, Math.max(st.size + 1, 4096)));
    let n = 0;
    for (;;) {
      if (n === bytes.length) {
        if (n > maxBytes) throw tooLarge;
        const bigger = Buffer.alloc(Math.min(maxBytes + 1, bytes.length * 2));
        bytes.copy(bigger, 0, 0, n);
        bytes = bigger;
      }
      const got = readSync(fd, bytes, n, bytes.length - n, null);
      if (got === 0) break;
      n += got;
    }
    if (n > maxBytes) throw tooLarge;
    return new Uint8Array(bytes.buffer, bytes.byteOffset, n);
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    throw new InputFileError(path, openProblem(e));
  } finally {
    closeSync(fd);
  }
}

/** The text (UTF-8) of the regular file at `path`, at most `maxBytes` bytes of it (see readInputFile). */
export function readInputText(path: string, maxBytes: number): string {
  return Buffer.from(readInputFile(path, maxBytes)).toString('utf8');
}
