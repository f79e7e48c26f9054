/**
 * stdio, as glibc does it, with every FILE's state in the process's memory.
 *
 * A FILE (see <stdio.h> in lang/headers) is 32 bytes: fd, flags, mode, pos, size, rpos, buf.
 * Output waits in the buffer until it is flushed:
 *   unbuffered (stderr)          written at once;
 *   line buffered (a terminal)   flushed through the last newline written, or when full;
 *   fully buffered (pipe, file)  flushed when the 4096-byte buffer is full, at fflush and at exit.
 * The mode is decided at the first output, from whether the descriptor is a terminal, so a
 * `dup2(pipefd, 1)` before the first printf makes stdout fully buffered, as in glibc.
 * Because the buffer is ordinary memory, fork duplicates unflushed text (it is printed twice),
 * exec discards it, and a vfork child shares it with its parent.
 */
import { BLOCK, native, type NativeCall, type NativeResult, type NativeTable } from './native.ts';
import { formatPrintf, type PrintfArgs } from './format.ts';
import { strerrorText } from './errno-names.ts';
import { EOF as SCAN_EOF, scanFormat, type ScanInput, type ScanMemory, type ScanTargets } from './scanf.ts';
import { libraryMalloc } from './malloc/natives.ts';

// FILE field offsets
const F_FD = 0;
const F_FLAGS = 4;
const F_MODE = 8;
const F_POS = 12;
const F_SIZE = 16;
const F_RPOS = 20;
const F_BUF = 24;

const FLAG_EOF = 4;
const FLAG_ERROR = 8;
/** the buffer holds input read ahead (not output waiting): set by a read, cleared by a write */
const FLAG_READING = 16;
const SEEK_CUR = 1;
/** the size of crt-files.ts's list of open streams (__LAB_STREAMS) */
const STREAM_SLOTS = 64;

const MODE_UNDECIDED = -1;
const IOFBF = 0;
const IOLBF = 1;
const IONBF = 2;

/** glibc gives a terminal a 1024-byte line buffer and a pipe or file a 4096-byte one. */
const TTY_BUFFER = 1024;
const PIPE_BUFFER = 4096;

const EOF = -1;
const NEWLINE = 10;
const encoder = new TextEncoder();

/** Reads printf's variadic arguments from a native call, starting at argument `first`. */
class CallArgs implements PrintfArgs {
  private next: number;
  constructor(private readonly call: NativeCall, first: number) {
    this.next = first;
  }
  int32(): number {
    return this.call.i32(this.next++);
  }
  int64(): bigint {
    return this.call.i64(this.next++);
  }
  double(): number {
    return this.call.f64(this.next++);
  }
  pointer(): number {
    return this.call.ptr(this.next++);
  }
  cString(address: number, maxLen: number): Uint8Array {
    return this.call.mem.cString(address, maxLen < 0 ? Infinity : maxLen);
  }
  storeCount(address: number, count: number, width: number): void {
    storeCount(this.call, address, count, width);
  }
}

/**
 * Reads printf's arguments from a va_list: the area of 8-byte slots where the caller of a
 * variadic function stored them (lang/headers/stdarg.ts). Reading moves the va_list's copy on.
 */
class VaListArgs implements PrintfArgs {
  constructor(private readonly call: NativeCall, private next: number) {}
  private slot(): number {
    const at = this.next;
    this.next += 8;
    return at;
  }
  int32(): number {
    return this.call.mem.i32(this.slot());
  }
  int64(): bigint {
    return this.call.mem.i64(this.slot());
  }
  double(): number {
    return this.call.mem.f64(this.slot());
  }
  pointer(): number {
    return this.call.mem.pointer(this.slot());
  }
  cString(address: number, maxLen: number): Uint8Array {
    return this.call.mem.cString(address, maxLen < 0 ? Infinity : maxLen);
  }
  storeCount(address: number, count: number, width: number): void {
    storeCount(this.call, address, count, width);
  }
}

/** %n: stores the count at `address` in `width` bytes. */
function storeCount(call: NativeCall, address: number, count: number, width: number): void {
  if (width === 8) call.mem.setI64(address, BigInt(count));
  else if (width === 4) call.mem.setI32(address, count);
  else if (width === 2) {
    call.mem.setByte(address, count & 0xff);
    call.mem.setByte(address + 1, (count >> 8) & 0xff);
  } else call.mem.setByte(address, count & 0xff);
}

/**
 * printf-style formatting of the call's arguments: format string at argument `fmtIndex`, the
 * values after it, or (for the v… functions, `vaList`) in the va_list that follows it.
 */
function formatCall(call: NativeCall, fmtIndex: number, vaList = false): Uint8Array {
  const fmt = call.mem.cString(call.ptr(fmtIndex));
  const args = vaList ? new VaListArgs(call, call.ptr(fmtIndex + 1)) : new CallArgs(call, fmtIndex + 1);
  return formatPrintf(fmt, args, () => encoder.encode(strerrorText(call.errno())));
}

/** Decides the buffering mode of a stream at its first use, as glibc does. */
function decideMode(call: NativeCall, file: number): number {
  const mem = call.mem;
  let mode = mem.i32(file + F_MODE);
  if (mode === MODE_UNDECIDED) {
    const tty = call.sys.isatty(mem.i32(file + F_FD));
    mode = tty ? IOLBF : IOFBF;
    mem.setI32(file + F_MODE, mode);
  }
  return mode;
}

/**
 * _IO_doallocbuf: a stream without a buffer gets one from malloc at its first use, of the
 * descriptor's block size (1024 bytes for a terminal, 4096 for a pipe or file). Returns false
 * when the process is being aborted (malloc found the heap corrupted): the caller stops.
 */
function allocateBuffer(call: NativeCall, file: number): boolean {
  const mem = call.mem;
  if (mem.pointer(file + F_BUF) !== 0 || mem.i32(file + F_MODE) === IONBF) return true;
  const size = call.sys.isatty(mem.i32(file + F_FD)) ? TTY_BUFFER : PIPE_BUFFER;
  const buf = libraryMalloc(call, size);
  if (buf === -1) return false;
  if (buf !== 0) {
    mem.setPointer(file + F_BUF, buf);
    mem.setI32(file + F_SIZE, size);
  }
  return true;
}

/**
 * Writes the buffered bytes of `file` to its descriptor. Returns false on a write error. An
 * input stream's read-ahead is given back instead: the descriptor's offset moves back to the
 * stream's position (glibc's _IO_file_sync), so that whoever reads it next (another process
 * sharing the open file) starts there.
 */
export function flushFile(call: NativeCall, file: number): boolean {
  const mem = call.mem;
  const pos = mem.i32(file + F_POS);
  if (mem.i32(file + F_FLAGS) & FLAG_READING) return syncInput(call, file);
  if (pos <= 0) return true;
  const bytes = mem.read(mem.pointer(file + F_BUF), pos);
  mem.setI32(file + F_POS, 0);
  const r = call.sys.write(mem.i32(file + F_FD), bytes);
  if (r < 0) {
    mem.setI32(file + F_FLAGS, mem.i32(file + F_FLAGS) | FLAG_ERROR);
    call.setErrno(-r);
    return false;
  }
  return true;
}

/** Forgets an input stream's read-ahead, seeking its descriptor back over it when it can. */
function syncInput(call: NativeCall, file: number): boolean {
  const mem = call.mem;
  const ahead = mem.i32(file + F_POS) - mem.i32(file + F_RPOS);
  if (ahead > 0 && call.sys.lseek(mem.i32(file + F_FD), -ahead, SEEK_CUR) < 0) return true;
  mem.setI32(file + F_POS, 0);
  mem.setI32(file + F_RPOS, 0);
  mem.setI32(file + F_FLAGS, mem.i32(file + F_FLAGS) & ~FLAG_READING);
  return true;
}

/** Appends bytes to the stream's buffer, flushing as its mode requires. Returns false on error. */
export function writeFile(call: NativeCall, file: number, bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  const mem = call.mem;
  // a write after reads (C asks for an fseek between them): the read-ahead is given back first
  if (mem.i32(file + F_FLAGS) & FLAG_READING) syncInput(call, file);
  const mode = decideMode(call, file);
  if (!allocateBuffer(call, file)) return false;
  const buf = mem.pointer(file + F_BUF);
  const size = mem.i32(file + F_SIZE);
  if (mode === IONBF || buf === 0 || size <= 0) {
    if (!flushFile(call, file)) return false;
    const r = call.sys.write(mem.i32(file + F_FD), bytes);
    if (r < 0) call.setErrno(-r);
    return r >= 0;
  }
  let data = bytes;
  if (mode === IOLBF) {
    const lastNewline = data.lastIndexOf(NEWLINE);
    if (lastNewline >= 0) {
      // glibc: buffer through the last newline, flush, then keep the rest buffered
      if (!appendBuffered(call, file, buf, size, data.subarray(0, lastNewline + 1))) return false;
      if (!flushFile(call, file)) return false;
      data = data.subarray(lastNewline + 1);
    }
  }
  return appendBuffered(call, file, buf, size, data);
}

/** Copies bytes into the buffer, writing out each time it fills (glibc's _IO_new_file_xsputn). */
function appendBuffered(call: NativeCall, file: number, buf: number, size: number, bytes: Uint8Array): boolean {
  const mem = call.mem;
  let i = 0;
  while (i < bytes.length) {
    const pos = mem.i32(file + F_POS);
    const room = size - pos;
    if (room === 0) {
      if (!flushFile(call, file)) return false;
      const rest = bytes.length - i;
      if (rest >= size) {
        // large writes go straight out in whole multiples of the buffer size
        const direct = rest - (rest % size);
        const r = call.sys.write(mem.i32(file + F_FD), bytes.subarray(i, i + direct));
        if (r < 0) {
          call.setErrno(-r);
          return false;
        }
        i += direct;
      }
      continue;
    }
    const n = Math.min(room, bytes.length - i);
    mem.write(buf + pos, bytes.subarray(i, i + n));
    mem.setI32(file + F_POS, pos + n);
    i += n;
  }
  return true;
}

/** Bytes waiting in the buffer of stdout (or another standard stream), 0 if none. */
export function unflushedBytes(call: NativeCall, name: 'stdout' | 'stderr'): number {
  const file = standardStream(call, name);
  return file ? Math.max(0, call.mem.i32(file + F_POS)) : 0;
}

/** The address of the FILE object `stdout` (or stdin, stderr) points to. */
function standardStream(call: NativeCall, name: 'stdin' | 'stdout' | 'stderr'): number {
  const variable = call.symbolAddress(name);
  return variable ? call.mem.pointer(variable) : 0;
}

/**
 * Refills an input stream's buffer with read(2). Returns the number of bytes now buffered,
 * 0 at end of file, -1 on error, or BLOCK when the task must wait for input.
 */
function fillInput(call: NativeCall, file: number): number | typeof BLOCK {
  const mem = call.mem;
  const pos = mem.i32(file + F_POS);
  const rpos = mem.i32(file + F_RPOS);
  if (rpos < pos) return pos - rpos;
  if (!allocateBuffer(call, file)) return -1;
  // glibc flushes line-buffered output streams before it waits for input
  const out = standardStream(call, 'stdout');
  if (out && mem.i32(out + F_MODE) === IOLBF) flushFile(call, out);
  const buf = mem.pointer(file + F_BUF);
  const size = Math.max(1, mem.i32(file + F_SIZE));
  const r = call.sys.read(mem.i32(file + F_FD), size);
  if (r === BLOCK) return BLOCK;
  if (typeof r === 'number') {
    mem.setI32(file + F_FLAGS, mem.i32(file + F_FLAGS) | FLAG_ERROR);
    call.setErrno(-r);
    return -1;
  }
  if (r.length === 0) {
    mem.setI32(file + F_FLAGS, mem.i32(file + F_FLAGS) | FLAG_EOF);
    return 0;
  }
  mem.write(buf, r);
  mem.setI32(file + F_POS, r.length);
  mem.setI32(file + F_RPOS, 0);
  mem.setI32(file + F_FLAGS, mem.i32(file + F_FLAGS) | FLAG_READING);
  return r.length;
}

/** fgetc: the next byte of the stream, EOF at end of file, or BLOCK. */
function getByte(call: NativeCall, file: number): number | typeof BLOCK {
  const n = fillInput(call, file);
  if (n === BLOCK) return BLOCK;
  if (n <= 0) return EOF;
  const mem = call.mem;
  const rpos = mem.i32(file + F_RPOS);
  mem.setI32(file + F_RPOS, rpos + 1);
  return mem.byte(mem.pointer(file + F_BUF) + rpos);
}

/** fgets: reads a line of at most size-1 bytes into `dst`. */
function getLine(call: NativeCall, dst: number, size: number, file: number): NativeResult {
  if (size <= 0) return 0;
  const mem = call.mem;
  // nothing is consumed until a whole line (or EOF, or a full buffer) is available, so that a
  // blocked call can be made again from the start
  const line: number[] = [];
  for (;;) {
    if (line.length >= size - 1) break;
    const n = fillInput(call, file);
    if (n === BLOCK) {
      if (line.length === 0) return BLOCK;
      break;
    }
    if (n <= 0) break;
    const rpos = mem.i32(file + F_RPOS);
    const c = mem.byte(mem.pointer(file + F_BUF) + rpos);
    mem.setI32(file + F_RPOS, rpos + 1);
    line.push(c);
    if (c === NEWLINE) break;
  }
  if (line.length === 0) return 0;
  mem.writeCString(dst, Uint8Array.from(line));
  return dst;
}

// ---- the scanf family

/** A scan of a stream needs more input and the descriptor has none yet: the call blocks. */
class WaitForInput extends Error {}

/** The process is being aborted (malloc found the heap corrupted): the call stops here. */
class AbortedCall extends Error {}

/**
 * A stream's unread bytes as scanf reads them: nothing is consumed until the scan ends (commit),
 * so that a scan that must wait for input can be made again from the start. When the buffered
 * bytes run out, the unread ones move to the start of the buffer and read(2) appends more; a
 * single scan can look at most one buffer's worth of bytes ahead (a field longer than the
 * buffer ends there).
 */
class StreamInput implements ScanInput {
  private bytes: Uint8Array;
  private start: number;
  private at = 0;
  private ended = false;

  constructor(private readonly call: NativeCall, private readonly file: number) {
    const mem = call.mem;
    this.start = mem.i32(file + F_RPOS);
    const pos = mem.i32(file + F_POS);
    this.bytes = pos > this.start ? mem.read(mem.pointer(file + F_BUF) + this.start, pos - this.start) : new Uint8Array(0);
  }

  next(): number {
    if (this.at >= this.bytes.length && !this.readMore()) return SCAN_EOF;
    return this.bytes[this.at++];
  }

  unget(): void {
    this.at--;
  }

  /** Consumes what the scan read. */
  commit(): void {
    this.call.mem.setI32(this.file + F_RPOS, this.start + this.at);
  }

  /** Appends the descriptor's next bytes to the buffer; false at end of file (or a full buffer). */
  private readMore(): boolean {
    if (this.ended) return false;
    const { call, file } = this;
    const mem = call.mem;
    if (!allocateBuffer(call, file)) throw new AbortedCall();
    const buf = mem.pointer(file + F_BUF);
    const size = mem.i32(file + F_SIZE);
    if (this.start > 0) {
      mem.move(buf, buf + this.start, this.bytes.length);
      this.start = 0;
      mem.setI32(file + F_RPOS, 0);
      mem.setI32(file + F_POS, this.bytes.length);
    }
    if (buf === 0 || this.bytes.length >= size) return false;
    const out = standardStream(call, 'stdout');
    if (out && mem.i32(out + F_MODE) === IOLBF) flushFile(call, out);
    const r = call.sys.read(mem.i32(file + F_FD), size - this.bytes.length);
    if (r === BLOCK) throw new WaitForInput();
    if (typeof r === 'number' || r.length === 0) {
      const flag = typeof r === 'number' ? FLAG_ERROR : FLAG_EOF;
      mem.setI32(file + F_FLAGS, mem.i32(file + F_FLAGS) | flag);
      if (typeof r === 'number') call.setErrno(-r);
      this.ended = true;
      return false;
    }
    mem.write(buf + this.bytes.length, r);
    const grown = new Uint8Array(this.bytes.length + r.length);
    grown.set(this.bytes);
    grown.set(r, this.bytes.length);
    this.bytes = grown;
    mem.setI32(file + F_POS, grown.length);
    // the buffer holds read-ahead now: exit gives it back, never writes it out as output
    mem.setI32(file + F_FLAGS, mem.i32(file + F_FLAGS) | FLAG_READING);
    return true;
  }
}

/** A string's bytes as sscanf reads them (its NUL is the end of file). */
class StringInput implements ScanInput {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  next(): number {
    return this.at < this.bytes.length ? this.bytes[this.at++] : SCAN_EOF;
  }
  unget(): void {
    this.at--;
  }
}

/** Where scanf's results go: the program's memory. */
function scanMemory(call: NativeCall): ScanMemory {
  const mem = call.mem;
  return {
    setInteger: (address, value, bytes) => {
      if (bytes === 8) mem.setI64(address, value);
      else if (bytes === 4) mem.setI32(address, Number(BigInt.asIntN(32, value)));
      else if (bytes === 2) mem.setI16(address, Number(BigInt.asIntN(16, value)));
      else mem.setByte(address, Number(BigInt.asUintN(8, value)));
    },
    setFloat: (address, value, bytes) => (bytes === 8 ? mem.setF64(address, value) : mem.setF32(address, value)),
    setBytes: (address, bytes) => mem.write(address, bytes),
  };
}

/** scanf's destinations: the call's arguments after the format, or the va_list that follows it. */
function scanTargets(call: NativeCall, fmtIndex: number, vaList: boolean): ScanTargets {
  if (!vaList) return { pointer: (n) => call.ptr(fmtIndex + n) };
  const ap = call.ptr(fmtIndex + 1);
  return { pointer: (n) => call.mem.pointer(ap + 8 * (n - 1)) };
}

/** scanf, fscanf and their v… forms on a stream: BLOCK when the stream must wait for input. */
function scanStream(call: NativeCall, file: number, fmtIndex: number, vaList: boolean): NativeResult {
  const fmt = call.mem.cString(call.ptr(fmtIndex));
  const input = new StreamInput(call, file);
  try {
    const result = scanFormat(fmt, input, scanTargets(call, fmtIndex, vaList), scanMemory(call));
    input.commit();
    return result;
  } catch (e) {
    if (e instanceof WaitForInput) return BLOCK;
    if (e instanceof AbortedCall) return EOF;
    throw e;
  }
}

/** sscanf and vsscanf: the input is the string argument 0. */
function scanString(call: NativeCall, vaList: boolean): number {
  const input = new StringInput(call.mem.cString(call.ptr(0)));
  const fmt = call.mem.cString(call.ptr(1));
  return scanFormat(fmt, input, scanTargets(call, 1, vaList), scanMemory(call));
}

function putResult(ok: boolean, value: number): number {
  return ok ? value : EOF;
}

/** printf and fprintf (vprintf, vfprintf with vaList): the formatted text on a stream. */
function printToStream(c: NativeCall, file: number, fmtIndex: number, vaList: boolean): number {
  const out = formatCall(c, fmtIndex, vaList);
  return putResult(writeFile(c, file, out), out.length);
}

/** dprintf (vdprintf): the formatted text written to a descriptor. */
function printToDescriptor(c: NativeCall, vaList: boolean): number {
  const out = formatCall(c, 1, vaList);
  const r = c.sys.write(c.i32(0), out);
  if (r < 0) c.setErrno(-r);
  return r < 0 ? -1 : out.length;
}

/** sprintf and snprintf (`bounded`), and their v… forms: the text into a buffer. */
function printToString(c: NativeCall, bounded: boolean, vaList: boolean): number {
  const out = formatCall(c, bounded ? 2 : 1, vaList);
  const size = bounded ? c.size(1) : Infinity;
  if (size > 0) c.mem.writeCString(c.ptr(0), out.subarray(0, Math.min(out.length, size - 1)));
  return out.length;
}

export const STDIO_NATIVES: NativeTable = {
  printf: native('i32', (c) => printToStream(c, standardStream(c, 'stdout'), 0, false)),
  fprintf: native('i32', (c) => printToStream(c, c.ptr(0), 1, false)),
  dprintf: native('i32', (c) => printToDescriptor(c, false)),
  sprintf: native('i32', (c) => printToString(c, false, false)),
  snprintf: native('i32', (c) => printToString(c, true, false)),
  vprintf: native('i32', (c) => printToStream(c, standardStream(c, 'stdout'), 0, true)),
  vfprintf: native('i32', (c) => printToStream(c, c.ptr(0), 1, true)),
  vdprintf: native('i32', (c) => printToDescriptor(c, true)),
  vsprintf: native('i32', (c) => printToString(c, false, true)),
  vsnprintf: native('i32', (c) => printToString(c, true, true)),
  puts: native('i32', (c) => {
    const s = c.mem.cString(c.ptr(0));
    const line = new Uint8Array(s.length + 1);
    line.set(s);
    line[s.length] = NEWLINE;
    return putResult(writeFile(c, standardStream(c, 'stdout'), line), line.length);
  }),
  putchar: native('i32', (c) => {
    const ch = c.i32(0) & 0xff;
    return putResult(writeFile(c, standardStream(c, 'stdout'), Uint8Array.of(ch)), ch);
  }),
  fputc: native('i32', (c) => {
    const ch = c.i32(0) & 0xff;
    return putResult(writeFile(c, c.ptr(1), Uint8Array.of(ch)), ch);
  }),
  putc: native('i32', (c) => {
    const ch = c.i32(0) & 0xff;
    return putResult(writeFile(c, c.ptr(1), Uint8Array.of(ch)), ch);
  }),
  fputs: native('i32', (c) => {
    const s = c.mem.cString(c.ptr(0));
    return putResult(writeFile(c, c.ptr(1), s), 1);
  }),
  fwrite: native('i64', (c) => {
    const size = c.size(1);
    const count = c.size(2);
    if (size === 0 || count === 0) return 0;
    const bytes = c.mem.read(c.ptr(0), size * count);
    return writeFile(c, c.ptr(3), bytes) ? count : 0;
  }),
  fflush: native('i32', (c) => {
    const file = c.ptr(0);
    if (file === 0) return flushAll(c) ? 0 : EOF;
    return flushFile(c, file) ? 0 : EOF;
  }),
  __lab_flush_all: native('void', (c) => {
    cleanupAll(c);
    return undefined;
  }),
  setvbuf: native('i32', (c) => {
    const file = c.ptr(0);
    const buf = c.ptr(1);
    const mode = c.i32(2);
    const size = c.size(3);
    if (mode < IOFBF || mode > IONBF) return EOF;
    const mem = c.mem;
    mem.setI32(file + F_MODE, mode);
    if (buf !== 0 && mode !== IONBF) {
      mem.setPointer(file + F_BUF, buf);
      mem.setI32(file + F_SIZE, Math.min(size, 0x7fffffff));
    } else if (mode !== IONBF && mem.pointer(file + F_BUF) !== 0) {
      mem.setI32(file + F_SIZE, mode === IOLBF ? TTY_BUFFER : PIPE_BUFFER);
    }
    return 0;
  }),
  setbuf: native('void', (c) => {
    const file = c.ptr(0);
    const buf = c.ptr(1);
    const mem = c.mem;
    if (buf === 0) mem.setI32(file + F_MODE, IONBF);
    else {
      mem.setI32(file + F_MODE, IOFBF);
      mem.setPointer(file + F_BUF, buf);
      mem.setI32(file + F_SIZE, 8192);
    }
    return undefined;
  }),
  perror: native('void', (c) => {
    const s = c.ptr(0) ? c.mem.cString(c.ptr(0)) : new Uint8Array(0);
    const message = encoder.encode(strerrorText(c.errno()));
    const prefix = s.length > 0 ? [...s, 58, 32] : [];
    const line = Uint8Array.from([...prefix, ...message, NEWLINE]);
    writeFile(c, standardStream(c, 'stderr'), line);
    return undefined;
  }),
  scanf: native('i32', (c) => scanStream(c, standardStream(c, 'stdin'), 0, false)),
  fscanf: native('i32', (c) => scanStream(c, c.ptr(0), 1, false)),
  sscanf: native('i32', (c) => scanString(c, false)),
  vscanf: native('i32', (c) => scanStream(c, standardStream(c, 'stdin'), 0, true)),
  vfscanf: native('i32', (c) => scanStream(c, c.ptr(0), 1, true)),
  vsscanf: native('i32', (c) => scanString(c, true)),
  getchar: native('i32', (c) => getByte(c, standardStream(c, 'stdin'))),
  fgetc: native('i32', (c) => getByte(c, c.ptr(0))),
  getc: native('i32', (c) => getByte(c, c.ptr(0))),
  fgets: native('ptr', (c) => getLine(c, c.ptr(0), c.i32(1), c.ptr(2))),
  __lab_stream_chunk: native('i64', (c) => bufferedChunk(c, c.ptr(0), c.i32(1))),
};

/**
 * The runtime's getdelim and fread (crt-files.ts) take input as glibc's do, a buffer's worth at
 * a time: the number of bytes the stream's buffer holds from its read position (refilled with
 * read(2) when empty), up to and including the first `delim` byte when `delim` >= 0. 0 at end of
 * file, -1 on error, BLOCK (nothing consumed: the call is made again) when input must wait.
 */
function bufferedChunk(call: NativeCall, file: number, delim: number): NativeResult {
  const n = fillInput(call, file);
  if (n === BLOCK || n <= 0 || delim < 0) return n;
  const mem = call.mem;
  const start = mem.pointer(file + F_BUF) + mem.i32(file + F_RPOS);
  const bytes = mem.read(start, n);
  const at = bytes.indexOf(delim & 255);
  return at < 0 ? n : at + 1;
}

/** Flushes stdout and stderr (the lab has no other output streams). */
function flushAll(call: NativeCall): boolean {
  let ok = true;
  for (const file of openStreams(call)) {
    if (!(call.mem.i32(file + F_FLAGS) & FLAG_READING) && !flushFile(call, file)) ok = false;
  }
  return ok;
}

/**
 * What exit does to every stream (glibc's _IO_cleanup): output is flushed, then each input
 * stream gives back its read-ahead (the descriptor's offset moves back to where the program
 * stopped reading).
 */
function cleanupAll(call: NativeCall): void {
  flushAll(call);
  for (const file of openStreams(call)) if (call.mem.i32(file + F_FLAGS) & FLAG_READING) syncInput(call, file);
}

/**
 * Every open stream in glibc's list order: the streams fopen, fdopen and popen made, newest
 * first (crt-files.ts keeps them in __lab_streams, oldest first), then stderr, stdout, stdin.
 */
function openStreams(call: NativeCall): number[] {
  const out: number[] = [];
  const list = call.symbolAddress('__lab_streams');
  if (list) {
    for (let i = STREAM_SLOTS - 1; i >= 0; i--) {
      const file = call.mem.pointer(list + 8 * i);
      if (file) out.push(file);
    }
  }
  for (const name of ['stderr', 'stdout', 'stdin'] as const) {
    const file = standardStream(call, name);
    if (file) out.push(file);
  }
  return out;
}

/** Encodes a JS string as the bytes a C program would hold (UTF-8). */
export function bytesOf(text: string): Uint8Array {
  return encoder.encode(text);
}
