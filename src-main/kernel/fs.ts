/**
 * System calls on file descriptors (fs/read_write.c, fs/file.c, fs/fcntl.c in Linux): read,
 * write, lseek, dup, dup2, fcntl, close, isatty, fstat.
 *
 * Each returns what the Linux system call returns: a count or a descriptor, or -errno. A call
 * that must wait (a read of an empty pipe that still has writers) puts the task to sleep and
 * returns BLOCKED; the VM makes the same call again when the task wakes up.
 *
 * For the viewer, every change of a task's descriptor table is traced as `fd-table` (the whole
 * table), and every open file description as `file` when it is made and when its offset or
 * size changes (docs/trace.md, "Files").
 */
import type { Kernel } from './kernel.ts';
import type { Task } from './task.ts';
import { MAX_FDS, type FdTable, type OpenFile } from './files.ts';
import { BLOCKED } from './task.ts';
import {
  EBADF, EFBIG, EINVAL, EISDIR, EMFILE, ENOSPC, ENOTTY, ESPIPE, F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD,
  F_GETFL, F_SETFD, F_SETFL, FD_CLOEXEC, O_ACCMODE, O_APPEND, O_CLOEXEC, O_NONBLOCK, O_RDONLY, O_WRONLY,
  SEEK_CUR, SEEK_END, SEEK_SET, S_IFCHR, S_IFDIR, S_IFIFO, S_IFREG,
} from './uapi.ts';
import { ttyRead, ttyWrite } from './tty.ts';
import { pipeRead, pipeWrite, releasePipeEnd } from './pipe.ts';
import { ensureCapacity, STUDENT, type Inode } from './ramfs.ts';

export { BLOCKED };
export { PIPE_BUF, PIPE_CAPACITY, sysPipe } from './pipe.ts';

/** The largest file the lab keeps (a runaway writer gets EFBIG, as past RLIMIT_FSIZE). */
export const MAX_FILE_BYTES = 16 << 20;
/** Bytes all the run's files may hold together (tmpfs full: ENOSPC). */
export const MAX_FS_BYTES = 64 << 20;
/** The largest offset lseek moves to (2^53 - 1, the file system's s_maxbytes). */
export const MAX_LSEEK_OFFSET = Number.MAX_SAFE_INTEGER;

/** A new number for an open file description (per run). */
export function newFileId(k: Kernel): number {
  return k.nextFileId++;
}

/**
 * write(2) of `bytes` to descriptor fd: the count written, -errno, or (only when `mayBlock`)
 * BLOCKED when a pipe is full (pipe.ts). Library writes (stdio's buffers) pass mayBlock = false.
 */
export function sysWrite(k: Kernel, task: Task, fd: number, bytes: Uint8Array, mayBlock = false): number | typeof BLOCKED {
  const entry = task.files.get(fd);
  if (!entry) return -EBADF;
  const file = entry.file;
  if ((file.flags & O_ACCMODE) === O_RDONLY) return -EBADF;
  switch (file.kind) {
    case 'tty':
      ttyWrite(k, task, fd, bytes);
      return bytes.length;
    case 'null':
      return bytes.length;
    case 'pipe-write':
      return pipeWrite(k, task, fd, file.pipe!, bytes, mayBlock);
    case 'file':
      return fileWrite(k, task, file, bytes);
    default:
      return -EBADF;
  }
}

/** read(2) of at most `max` bytes from descriptor fd: the bytes, -errno, or BLOCKED. */
export function sysRead(k: Kernel, task: Task, fd: number, max: number): Uint8Array | number | typeof BLOCKED {
  const entry = task.files.get(fd);
  if (!entry) return -EBADF;
  const file = entry.file;
  if ((file.flags & O_ACCMODE) === O_WRONLY) return -EBADF;
  switch (file.kind) {
    case 'tty':
      return ttyRead(k, max);
    case 'null':
      return new Uint8Array(0);
    case 'pipe-read':
      return pipeRead(k, task, fd, file.pipe!, max);
    case 'file':
      return fileRead(k, task, file, max);
    case 'dir':
      return -EISDIR;
    default:
      return -EBADF;
  }
}

/** A regular file's bytes from the description's offset, which moves past them. */
function fileRead(k: Kernel, task: Task, file: OpenFile, max: number): Uint8Array {
  const inode = file.inode!;
  const start = Math.min(file.pos, inode.size);
  const end = Math.min(inode.size, start + max);
  const bytes = inode.data.slice(start, end);
  if (end > start) {
    file.pos = end;
    k.fs.version++;
    traceFile(k, task, file);
  }
  return bytes;
}

/**
 * A write to a regular file at the description's offset (at the end with O_APPEND, as one step:
 * writers through different descriptions never overwrite each other's appends). Writing past the
 * end leaves a hole of zeros.
 */
function fileWrite(k: Kernel, task: Task, file: OpenFile, bytes: Uint8Array): number {
  const inode = file.inode!;
  if (file.flags & O_APPEND) file.pos = inode.size;
  // as Linux: what fits is written (a short count), and only a write of nothing that fits fails
  const room = Math.min(MAX_FILE_BYTES - file.pos, MAX_FS_BYTES - k.fs.usedBytes + inode.size - file.pos);
  if (bytes.length > 0 && room <= 0) return file.pos >= MAX_FILE_BYTES ? -EFBIG : -ENOSPC;
  if (bytes.length > room) bytes = bytes.subarray(0, room);
  const end = file.pos + bytes.length;
  ensureCapacity(inode, end);
  inode.data.set(bytes, file.pos);
  if (end > inode.size) {
    k.fs.usedBytes += end - inode.size;
    inode.size = end;
  }
  inode.mtime = k.time;
  file.pos = end;
  k.fs.version++;
  if (bytes.length > 0) traceFile(k, task, file);
  return bytes.length;
}

/**
 * lseek(2): moves the description's offset to `offset` from the start (SEEK_SET), the current
 * offset (SEEK_CUR) or the end (SEEK_END); returns the new offset. -ESPIPE on a pipe or the
 * terminal, -EINVAL for another `whence` or an offset that would be negative or past MAX_LSEEK_OFFSET.
 */
export function sysLseek(k: Kernel, task: Task, fd: number, offset: number, whence: number): number {
  const entry = task.files.get(fd);
  if (!entry) return -EBADF;
  const file = entry.file;
  if (file.kind === 'null') return 0;
  if (file.kind !== 'file' && file.kind !== 'dir') return -ESPIPE;
  const base = whence === SEEK_SET ? 0 : whence === SEEK_CUR ? file.pos : whence === SEEK_END ? file.inode!.size : NaN;
  if (Number.isNaN(base)) return -EINVAL;
  const pos = base + offset;
  // past MAX_LSEEK_OFFSET an offset is no longer exact in the kernel's numbers: the file system's
  // largest size (s_maxbytes), beyond which Linux's lseek is EINVAL too
  if (pos < 0 || pos > MAX_LSEEK_OFFSET) return -EINVAL;
  file.pos = pos;
  k.fs.version++;
  traceFile(k, task, file);
  return pos;
}

/** dup(2): the lowest free descriptor (from `from` on) now refers to the same open file as fd. */
export function sysDup(k: Kernel, task: Task, fd: number, from = 0, cloexec = false): number {
  const entry = task.files.get(fd);
  if (!entry) return -EBADF;
  const nfd = task.files.lowestFree(from);
  if (nfd >= MAX_FDS) return -EMFILE;
  installFd(k, task, nfd, entry.file, cloexec);
  k.event(task, 'dup', { fd, newFd: nfd });
  traceFdTable(k, task.files);
  return nfd;
}

/** dup2(2): newFd (closed first if open) refers to the same open file as oldFd. */
export function sysDup2(k: Kernel, task: Task, oldFd: number, newFd: number): number {
  const entry = task.files.get(oldFd);
  if (!entry) return -EBADF;
  if (newFd < 0 || newFd >= MAX_FDS) return -EBADF;
  if (oldFd === newFd) return newFd;
  if (task.files.get(newFd)) closeFd(k, task, newFd, false);
  installFd(k, task, newFd, entry.file, false);
  k.event(task, 'dup2', { fd: oldFd, newFd });
  traceFdTable(k, task.files);
  return newFd;
}

/**
 * dup3(2): dup2 with flags (O_CLOEXEC sets close-on-exec on the new descriptor). Unlike dup2,
 * -EINVAL when the two descriptors are the same, or for other flags (checked first, as Linux does).
 */
export function sysDup3(k: Kernel, task: Task, oldFd: number, newFd: number, flags: number): number {
  if ((flags & ~O_CLOEXEC) !== 0 || oldFd === newFd) return -EINVAL;
  const r = sysDup2(k, task, oldFd, newFd);
  if (r >= 0 && (flags & O_CLOEXEC)) {
    task.files.get(newFd)!.cloexec = true;
    traceFdTable(k, task.files);
  }
  return r;
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
      traceFdTable(k, task.files);
      return 0;
    case F_GETFL:
      return entry.file.flags;
    case F_SETFL:
      // only O_APPEND and O_NONBLOCK may change; the access mode stays
      entry.file.flags = (entry.file.flags & ~(O_APPEND | O_NONBLOCK)) | (arg & (O_APPEND | O_NONBLOCK));
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

/** What stat(2) and fstat(2) report about a file (struct stat, the fields the lab keeps). */
export interface Kstat {
  ino: number;
  mode: number;
  nlink: number;
  uid: number;
  size: number;
  blksize: number;
  blocks: number;
  /** last modification, simulated ns */
  mtime: number;
}

/** struct stat of an inode (regular file, directory, /dev/null). */
export function inodeStat(inode: Inode): Kstat {
  const type = inode.kind === 'dir' ? S_IFDIR : inode.kind === 'null' ? S_IFCHR : S_IFREG;
  const size = inode.kind === 'dir' ? 4096 : inode.size;
  return { ino: inode.ino, mode: type | inode.mode, nlink: inode.nlink, uid: inode.uid, size, blksize: 4096, blocks: Math.ceil(inode.size / 512), mtime: inode.mtime };
}

/** fstat(2): the file behind descriptor fd (the terminal is a character device, a pipe a FIFO). */
export function sysFstat(task: Task, fd: number): Kstat | number {
  const entry = task.files.get(fd);
  if (!entry) return -EBADF;
  const file = entry.file;
  if (file.inode) return inodeStat(file.inode);
  const pipe = file.kind === 'pipe-read' || file.kind === 'pipe-write';
  return { ino: pipe ? 100000 + file.pipe!.id : 3, mode: pipe ? S_IFIFO | 0o600 : S_IFCHR | 0o620, nlink: 1, uid: STUDENT, size: 0, blksize: 4096, blocks: 0, mtime: 0 };
}

/** close(2). */
export function sysClose(k: Kernel, task: Task, fd: number): number {
  return closeFd(k, task, fd) ? 0 : -EBADF;
}

/** Installs `file` at descriptor fd of the task's table (taking a reference). */
export function installFd(_k: Kernel, task: Task, fd: number, file: OpenFile, cloexec: boolean): void {
  task.files.install(fd, file, cloexec);
}

/**
 * Removes descriptor fd from the task's table; the open file is released when no descriptor
 * refers to it any more (a pipe end closes: readers then see end of file, writers SIGPIPE).
 * Traces the table afterwards unless `trace` is false (the caller traces it).
 */
export function closeFd(k: Kernel, task: Task, fd: number, trace = true): boolean {
  const entry = task.files.get(fd);
  if (!entry) return false;
  task.files.fds[fd] = null;
  releaseFile(k, entry.file);
  k.event(task, 'close', { fd });
  if (trace) traceFdTable(k, task.files);
  return true;
}

/**
 * Drops one reference to an open file; the last one closes its pipe end, or lets an unlinked
 * file's bytes go.
 */
export function releaseFile(k: Kernel, file: OpenFile): void {
  file.refs--;
  if (file.refs > 0) return;
  if (file.pipe) releasePipeEnd(k, file);
  if (file.inode) {
    file.inode.opens--;
    k.fs.putInode(file.inode);
  }
}

/** Closes every close-on-exec descriptor (exec). */
export function closeOnExec(k: Kernel, task: Task): void {
  let closed = false;
  task.files.fds.forEach((entry, fd) => {
    if (entry?.cloexec) closed = closeFd(k, task, fd, false) || closed;
  });
  if (closed) traceFdTable(k, task.files);
}

// ---------------------------------------------------------------- the trace's view of files

/** Traces the descriptor table `files` as each live task using it sees it (`fd-table`). */
export function traceFdTable(k: Kernel, files: FdTable): void {
  const build = (): { fds: [number, number, boolean][] } => {
    const fds: [number, number, boolean][] = [];
    files.fds.forEach((e, fd) => {
      if (e) fds.push([fd, e.file.id, e.cloexec]);
    });
    return { fds };
  };
  for (const t of k.tasks.values()) {
    if (t.files === files && !t.kernelThread && t.state !== 'X') k.eventLazily(t, 'fd-table', build);
  }
}

/** Traces an open file description's state (`file`): kind, path, flags, offset, size. */
export function traceFile(k: Kernel, task: Task, file: OpenFile): void {
  k.eventLazily(task, 'file', () => ({
    file: file.id,
    fileKind: file.kind,
    path: file.path,
    flags: file.flags,
    pos: file.pos,
    ino: file.inode ? file.inode.ino : null,
    size: file.inode && file.kind === 'file' ? file.inode.size : null,
  }));
}
