/**
 * Pipes (fs/pipe.c in Linux): a bounded buffer with a read end and a write end. A read of an
 * empty pipe waits while writers remain and returns end of file when none does; a write to a
 * full pipe waits for room; a write with no reader left raises SIGPIPE and fails with EPIPE.
 */
import type { Kernel } from './kernel.ts';
import type { Task } from './task.ts';
import { BLOCKED } from './task.ts';
import { MAX_FDS, newOpenFile, type OpenFile, type Pipe } from './files.ts';
import { EINVAL, EMFILE, EPIPE, O_CLOEXEC, O_NONBLOCK, O_RDONLY, O_WRONLY, SIGPIPE } from './uapi.ts';
import { sendSignal } from './signal.ts';
import { sleepOn, wakeUp } from './sched-core.ts';
import { closeFd, installFd, newFileId, traceFdTable, traceFile } from './fs.ts';

/** A pipe holds at most this many bytes (Linux's default, 16 pages); a writer waits for room. */
export const PIPE_CAPACITY = 65536;
/** Writes of at most this many bytes to a pipe are atomic: all at once, never interleaved. */
export const PIPE_BUF = 4096;

/** pipe(2) and pipe2(2): a new pipe, its ends close-on-exec and non-blocking as `flags` say; returns [readFd, writeFd] or -errno (-EINVAL for other flags). */
export function sysPipe(k: Kernel, task: Task, flags: number): [number, number] | number {
  if ((flags & ~(O_CLOEXEC | O_NONBLOCK)) !== 0) return -EINVAL;
  const files = task.files;
  const r = files.lowestFree();
  if (r >= MAX_FDS) return -EMFILE;
  const pipe: Pipe = { id: k.nextPipeId++, buffer: [], readers: 1, writers: 1 };
  const cloexec = (flags & O_CLOEXEC) !== 0;
  const readEnd = newOpenFile(newFileId(k), 'pipe-read', O_RDONLY | (flags & O_NONBLOCK), pipe);
  installFd(k, task, r, readEnd, cloexec);
  const w = files.lowestFree();
  if (w >= MAX_FDS) {
    closeFd(k, task, r, false);
    return -EMFILE;
  }
  const writeEnd = newOpenFile(newFileId(k), 'pipe-write', O_WRONLY | (flags & O_NONBLOCK), pipe);
  installFd(k, task, w, writeEnd, cloexec);
  k.event(task, 'pipe', { pipe: pipe.id, fds: [r, w] });
  traceFile(k, task, readEnd);
  traceFile(k, task, writeEnd);
  traceFdTable(k, files);
  return [r, w];
}

/** pipe_read: at most `max` bytes, end of file (empty) when no writer is left, or BLOCKED. */
export function pipeRead(k: Kernel, task: Task, fd: number, pipe: Pipe, max: number): Uint8Array | typeof BLOCKED {
  if (pipe.buffer.length === 0) {
    if (pipe.writers === 0) return new Uint8Array(0);
    // data or the last writer's close, come with a signal, is read before the signal is taken
    task.wouldReturn = () => pipe.buffer.length > 0 || pipe.writers === 0;
    sleepOn(k, task, { kind: 'pipe-read', fd });
    return BLOCKED;
  }
  const n = Math.min(max, pipe.buffer.length);
  const bytes = Uint8Array.from(pipe.buffer.splice(0, n));
  k.event(task, 'pipe-read', { pipe: pipe.id, fd, bytes: n });
  wakePipeWriters(k, pipe);
  return bytes;
}

/**
 * pipe_write: as much of `bytes` as the pipe has room for (all of it, atomically, when it is at
 * most PIPE_BUF bytes); blocks for the rest when `mayBlock` (the same call, made again, goes on
 * where it stopped: task.pipeWritten). Library writes (stdio's buffers) pass mayBlock = false:
 * a full pipe then takes them anyway, beyond its capacity. No reader left: SIGPIPE and EPIPE,
 * or the count already written by this call.
 */
export function pipeWrite(k: Kernel, task: Task, fd: number, pipe: Pipe, bytes: Uint8Array, mayBlock: boolean): number | typeof BLOCKED {
  const done = mayBlock ? task.pipeWritten : 0;
  if (pipe.readers === 0) {
    task.pipeWritten = 0;
    if (done > 0) return done;
    sendSignal(k, task, SIGPIPE);
    return -EPIPE;
  }
  const rest = bytes.subarray(done);
  const room = PIPE_CAPACITY - pipe.buffer.length;
  const fits = !mayBlock ? rest.length : rest.length <= PIPE_BUF ? (room >= rest.length ? rest.length : 0) : Math.min(room, rest.length);
  if (fits > 0) {
    for (let i = 0; i < fits; i++) pipe.buffer.push(rest[i]);
    k.event(task, 'pipe-write', { pipe: pipe.id, fd, bytes: fits });
    wakePipeReaders(k, pipe);
  }
  if (done + fits === bytes.length) {
    task.pipeWritten = 0;
    return bytes.length;
  }
  task.pipeWritten = done + fits;
  sleepOn(k, task, { kind: 'pipe-write', fd });
  return BLOCKED;
}

/** The last descriptor of a pipe end closed: readers see end of file, writers EPIPE. */
export function releasePipeEnd(k: Kernel, file: OpenFile): void {
  const pipe = file.pipe!;
  if (file.kind === 'pipe-read') {
    pipe.readers--;
    // writers waiting for room will find no reader: EPIPE
    if (pipe.readers === 0) wakePipeWriters(k, pipe);
  } else if (file.kind === 'pipe-write') {
    pipe.writers--;
    if (pipe.writers === 0) wakePipeReaders(k, pipe);
  }
}

/** Wakes the tasks waiting for room in `pipe` (a reader took bytes, or the last reader left). */
function wakePipeWriters(k: Kernel, pipe: Pipe): void {
  for (const t of k.tasks.values()) {
    if (t.state !== 'S' || t.waitingFor?.kind !== 'pipe-write') continue;
    const entry = t.files.get(t.waitingFor.fd);
    if (entry?.file.pipe === pipe) wakeUp(k, t, 'pipe');
  }
}

function wakePipeReaders(k: Kernel, pipe: Pipe): void {
  for (const t of k.tasks.values()) {
    if (t.state !== 'S' || t.waitingFor?.kind !== 'pipe-read') continue;
    const entry = t.files.get(t.waitingFor.fd);
    if (entry?.file.pipe === pipe) wakeUp(k, t, 'pipe');
  }
}
