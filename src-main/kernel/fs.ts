/**
 * System calls on file descriptors: read, write, pipe, dup, dup2, fcntl, close.
 *
 * Each returns what the Linux system call returns: a count or a descriptor, or -errno. A call
 * that must wait (a read of an empty pipe that still has writers) puts the task to sleep and
 * returns BLOCKED; the VM makes the same call again when the task wakes up.
 */
import type { Kernel } from './kernel.ts';
import type { Task } from './task.ts';
import { MAX_FDS, type OpenFile, type Pipe } from './files.ts';
import { BLOCKED } from './task.ts';
import {
  EBADF, EINVAL, EMFILE, ENOTTY, EPIPE, F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_GETFL, F_SETFD, F_SETFL,
  FD_CLOEXEC, O_CLOEXEC, O_RDONLY, O_RDWR, O_WRONLY, SIGPIPE,
} from './uapi.ts';
import { sendSignal } from './signal.ts';
import { sleepOn, wakeUp } from './sched-core.ts';
import { ttyRead, ttyWrite } from './tty.ts';

export { BLOCKED };

/** A pipe holds at most this many bytes (Linux's default, 16 pages); a writer waits for room. */
export const PIPE_CAPACITY = 65536;
/** Writes of at most this many bytes to a pipe are atomic: all at once, never interleaved. */
export const PIPE_BUF = 4096;

/**
 * write(2) of `bytes` to descriptor fd: the count written, -errno, or (only when `mayBlock`) BLOCKED
 * when a pipe is full: the task sleeps until a reader makes room, and the same call, made again,
 * goes on where it stopped (task.pipeWritten). Library writes (stdio's buffers) pass
 * mayBlock = false: a full pipe then takes them anyway, beyond its capacity.
 */
export function sysWrite(k: Kernel, task: Task, fd: number, bytes: Uint8Array, mayBlock = false): number | typeof BLOCKED {
  const entry = task.files.get(fd);
  if (!entry) return -EBADF;
  const file = entry.file;
  switch (file.kind) {
    case 'tty':
      ttyWrite(k, task, fd, bytes);
      return bytes.length;
    case 'null':
      // stdout as a pipe (--stdout pipe): read by the terminal, as `prog | cat` shows it
      if (file === k.stdoutPipeFile) ttyWrite(k, task, fd, bytes);
      return bytes.length;
    case 'pipe-write':
      return pipeWrite(k, task, fd, file.pipe!, bytes, mayBlock);
    default:
      return -EBADF;
  }
}

/**
 * pipe_write: as much of `bytes` as the pipe has room for (all of it, atomically, when it is at
 * most PIPE_BUF bytes); blocks for the rest when `mayBlock`. No reader left: SIGPIPE and EPIPE,
 * or the count already written by this call.
 */
function pipeWrite(k: Kernel, task: Task, fd: number, pipe: Pipe, bytes: Uint8Array, mayBlock: boolean): number | typeof BLOCKED {
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

/** read(2) of at most `max` bytes from descriptor fd: the bytes, -errno, or BLOCKED. */
export function sysRead(k: Kernel, task: Task, fd: number, max: number): Uint8Array | number | typeof BLOCKED {
  const entry = task.files.get(fd);
  if (!entry) return -EBADF;
  const file = entry.file;
  switch (file.kind) {
    case 'tty':
      return ttyRead(k, max);
    case 'null':
      return new Uint8Array(0);
    case 'pipe-read': {
      const pipe = file.pipe!;
      if (pipe.buffer.length === 0) {
        if (pipe.writers === 0) return new Uint8Array(0);
        sleepOn(k, task, { kind: 'pipe-read', fd });
        return BLOCKED;
      }
      const n = Math.min(max, pipe.buffer.length);
      const bytes = Uint8Array.from(pipe.buffer.splice(0, n));
      k.event(task, 'pipe-read', { pipe: pipe.id, fd, bytes: n });
      wakePipeWriters(k, pipe);
      return bytes;
    }
    default:
      return -EBADF;
  }
}

/** pipe(2): a new pipe; returns [readFd, writeFd] or -errno. */
export function sysPipe(k: Kernel, task: Task, flags: number): [number, number] | number {
  const files = task.files;
  const r = files.lowestFree();
  if (r >= MAX_FDS) return -EMFILE;
  const pipe: Pipe = { id: k.nextPipeId++, buffer: [], readers: 1, writers: 1 };
  const cloexec = (flags & O_CLOEXEC) !== 0;
  files.install(r, { kind: 'pipe-read', pipe, refs: 0 }, cloexec);
  const w = files.lowestFree();
  if (w >= MAX_FDS) {
    closeFd(k, task, r);
    return -EMFILE;
  }
  files.install(w, { kind: 'pipe-write', pipe, refs: 0 }, cloexec);
  k.event(task, 'pipe', { pipe: pipe.id, fds: [r, w] });
  return [r, w];
}

/** dup(2): the lowest free descriptor now refers to the same open file as fd. */
export function sysDup(k: Kernel, task: Task, fd: number, from = 0, cloexec = false): number {
  const entry = task.files.get(fd);
  if (!entry) return -EBADF;
  const nfd = task.files.lowestFree(from);
  if (nfd >= MAX_FDS) return -EMFILE;
  task.files.install(nfd, entry.file, cloexec);
  k.event(task, 'dup', { fd, newFd: nfd });
  return nfd;
}

/** dup2(2): newFd (closed first if open) refers to the same open file as oldFd. */
export function sysDup2(k: Kernel, task: Task, oldFd: number, newFd: number): number {
  const entry = task.files.get(oldFd);
  if (!entry) return -EBADF;
  if (newFd < 0 || newFd >= MAX_FDS) return -EBADF;
  if (oldFd === newFd) return newFd;
  if (task.files.get(newFd)) closeFd(k, task, newFd);
  task.files.install(newFd, entry.file, false);
  k.event(task, 'dup2', { fd: oldFd, newFd });
  return newFd;
}

/** fcntl(2) with the commands the lab supports. */
export function sysFcntl(k: Kernel, task: Task, fd: number, cmd: number, arg: number): number {
  const entry = task.files.get(fd);
  if (!entry) return -EBADF;
  switch (cmd) {
    case F_DUPFD:
      return sysDup(k, task, fd, arg);
    case F_DUPFD_CLOEXEC:
      return sysDup(k, task, fd, arg, true);
    case F_GETFD:
      return entry.cloexec ? FD_CLOEXEC : 0;
    case F_SETFD:
      entry.cloexec = (arg & FD_CLOEXEC) !== 0;
      return 0;
    case F_GETFL:
      return entry.file.kind === 'pipe-read' ? O_RDONLY : entry.file.kind === 'pipe-write' ? O_WRONLY : O_RDWR;
    case F_SETFL:
      return 0;
    default:
      return -EINVAL;
  }
}

/** isatty(3)'s ioctl(TCGETS): 1 for the terminal, -ENOTTY for another file, -EBADF when fd is not open. */
export function sysIsatty(task: Task, fd: number): number {
  const entry = task.files.get(fd);
  if (!entry) return -EBADF;
  return entry.file.kind === 'tty' ? 1 : -ENOTTY;
}

/** close(2). */
export function sysClose(k: Kernel, task: Task, fd: number): number {
  return closeFd(k, task, fd) ? 0 : -EBADF;
}

/**
 * Removes descriptor fd from the task's table; the open file is released when no descriptor
 * refers to it any more (a pipe end closes: readers then see end of file, writers SIGPIPE).
 */
export function closeFd(k: Kernel, task: Task, fd: number): boolean {
  const entry = task.files.get(fd);
  if (!entry) return false;
  task.files.fds[fd] = null;
  releaseFile(k, entry.file);
  k.event(task, 'close', { fd });
  return true;
}

/** Drops one reference to an open file; the last one closes its pipe end. */
export function releaseFile(k: Kernel, file: OpenFile): void {
  file.refs--;
  if (file.refs > 0 || !file.pipe) return;
  if (file.kind === 'pipe-read') {
    file.pipe.readers--;
    // writers waiting for room will find no reader: EPIPE
    if (file.pipe.readers === 0) wakePipeWriters(k, file.pipe);
  } else if (file.kind === 'pipe-write') {
    file.pipe.writers--;
    if (file.pipe.writers === 0) wakePipeReaders(k, file.pipe);
  }
}

/** Closes every close-on-exec descriptor (exec). */
export function closeOnExec(k: Kernel, task: Task): void {
  task.files.fds.forEach((entry, fd) => {
    if (entry?.cloexec) closeFd(k, task, fd);
  });
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
