/**
 * System calls that name files by path (fs/open.c, fs/namei.c, fs/stat.c, fs/readdir.c in Linux):
 * open, openat, creat, unlink, mkdir, rmdir, stat, access, chdir, getcwd, and reading a
 * directory. Paths are looked up in the run's file system (ramfs.ts) from the task's working
 * directory, as the student (uid 1000). Each returns a value or -errno, with Linux's errors.
 */
import type { Kernel } from './kernel.ts';
import type { Task } from './task.ts';
import { MAX_FDS, newOpenFile } from './files.ts';
import {
  AT_FDCWD, EACCES, EBADF, EEXIST, EISDIR, EMFILE, ENAMETOOLONG, ENOENT, ENOTDIR, O_ACCMODE, O_APPEND, O_CLOEXEC,
  O_CREAT, O_DIRECTORY, O_EXCL, O_NONBLOCK, O_RDONLY, O_TRUNC, O_WRONLY,
} from './uapi.ts';
import { mayAccess, PATH_MAX, STUDENT, type Inode, type Lookup } from './ramfs.ts';
import { inodeStat, installFd, newFileId, traceFdTable, traceFile, type Kstat } from './fs.ts';

/** The user every program runs as. */
const UID = STUDENT;

/** Permission bits: read, write, execute or search. */
const MAY_READ = 4;
const MAY_WRITE = 2;
const MAY_EXEC = 1;

/**
 * The directory relative paths start from: the working directory (AT_FDCWD) or the directory
 * open at `dirfd`; -EBADF or -ENOTDIR otherwise.
 */
function baseOf(task: Task, dirfd: number, path: string): string | number {
  if (path.startsWith('/') || dirfd === AT_FDCWD) return task.fs.cwd;
  const entry = task.files.get(dirfd);
  if (!entry) return -EBADF;
  if (entry.file.kind !== 'dir') return -ENOTDIR;
  return entry.file.path!;
}

/** Looks `path` up from `dirfd` (AT_FDCWD: the working directory). */
function lookupAt(k: Kernel, task: Task, dirfd: number, path: string): Lookup | number {
  const base = baseOf(task, dirfd, path);
  if (typeof base === 'number') return base;
  return k.fs.lookup(path, base, UID);
}

/** The absolute path of the entry a lookup found (for the trace and the viewer). */
function absolutePath(k: Kernel, found: Lookup): string {
  if (found.name === '.' && found.inode) return k.fs.pathOf(found.inode);
  const dir = k.fs.pathOf(found.dir);
  return dir === '/' ? `/${found.name}` : `${dir}/${found.name}`;
}

/**
 * openat(2): opens (O_CREAT: creates, with `mode` less the umask) the file `path` relative to
 * `dirfd` and returns the lowest free descriptor. Linux's rules: O_EXCL with an existing name is
 * EEXIST; a directory opened for writing is EISDIR; O_DIRECTORY on anything else ENOTDIR;
 * permission is checked for the access asked (O_TRUNC needs write) and for the directory a new
 * file goes in; O_TRUNC empties a regular file.
 */
export function sysOpenat(k: Kernel, task: Task, dirfd: number, path: string, flags: number, mode: number): number {
  const fd = task.files.lowestFree();
  if (fd >= MAX_FDS) return -EMFILE;
  const found = lookupAt(k, task, dirfd, path);
  if (typeof found === 'number') return found;
  const access = flags & O_ACCMODE;
  let inode = found.inode;
  let created = false;
  if (!inode) {
    if (!(flags & O_CREAT)) return -ENOENT;
    if (!mayAccess(found.dir, UID, MAY_WRITE | MAY_EXEC)) return -EACCES;
    const made = k.fs.create(found.dir, found.name, mode, UID, k.time);
    if (typeof made === 'number') return made;
    inode = made;
    created = true;
  } else if ((flags & O_CREAT) && (flags & O_EXCL)) {
    return -EEXIST;
  }
  if (inode.kind === 'dir') {
    if (access !== O_RDONLY || flags & O_CREAT) return -EISDIR;
  } else if (flags & O_DIRECTORY) return -ENOTDIR;
  if (!created) {
    const want = (access === O_RDONLY ? MAY_READ : access === O_WRONLY ? MAY_WRITE : MAY_READ | MAY_WRITE) | (flags & O_TRUNC ? MAY_WRITE : 0);
    if (!mayAccess(inode, UID, want)) return -EACCES;
  }
  if (flags & O_TRUNC && inode.kind === 'file') k.fs.truncate(inode, 0);
  const kind = inode.kind === 'dir' ? 'dir' : inode.kind === 'null' ? 'null' : 'file';
  const file = newOpenFile(newFileId(k), kind, flags & (O_ACCMODE | O_APPEND | O_NONBLOCK), null, inode, absolutePath(k, found));
  inode.opens++;
  installFd(k, task, fd, file, (flags & O_CLOEXEC) !== 0);
  traceFile(k, task, file);
  traceFdTable(k, task.files);
  return fd;
}

/** creat(2): open(path, O_CREAT | O_WRONLY | O_TRUNC, mode). */
export function sysCreat(k: Kernel, task: Task, path: string, mode: number): number {
  return sysOpenat(k, task, AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/** A file's inode by path, or -errno. */
function inodeAt(k: Kernel, task: Task, dirfd: number, path: string): Inode | number {
  const found = lookupAt(k, task, dirfd, path);
  if (typeof found === 'number') return found;
  return found.inode ?? -ENOENT;
}

/** stat(2) (and lstat: the lab has no symbolic links). */
export function sysStat(k: Kernel, task: Task, path: string): Kstat | number {
  const inode = inodeAt(k, task, AT_FDCWD, path);
  return typeof inode === 'number' ? inode : inodeStat(inode);
}

/** access(2): 0 when the student may read (4), write (2), execute (1) `path`, or it exists (0). */
export function sysAccess(k: Kernel, task: Task, path: string, mode: number): number {
  const inode = inodeAt(k, task, AT_FDCWD, path);
  if (typeof inode === 'number') return inode;
  return mode === 0 || mayAccess(inode, UID, mode & 7) ? 0 : -EACCES;
}

/**
 * unlink(2): removes the name; the file's bytes stay while a descriptor has it open. A directory
 * is EISDIR (rmdir removes those); the directory holding the name must be writable (EACCES).
 */
export function sysUnlink(k: Kernel, task: Task, path: string): number {
  const found = lookupAt(k, task, AT_FDCWD, path);
  if (typeof found === 'number') return found;
  if (!found.inode) return -ENOENT;
  if (found.inode.kind === 'dir') return -EISDIR;
  if (!mayAccess(found.dir, UID, MAY_WRITE | MAY_EXEC)) return -EACCES;
  k.fs.unlinkEntry(found.dir, found.name);
  k.event(task, 'unlink', { path: absolutePath(k, found) });
  return 0;
}

/** mkdir(2): a new directory (mode less the umask); EEXIST when the name is taken. */
export function sysMkdir(k: Kernel, task: Task, path: string, mode: number): number {
  const found = lookupAt(k, task, AT_FDCWD, path);
  if (typeof found === 'number') return found;
  if (found.inode) return -EEXIST;
  if (!mayAccess(found.dir, UID, MAY_WRITE | MAY_EXEC)) return -EACCES;
  const r = k.fs.mkdir(found.dir, found.name, mode, UID, k.time);
  return typeof r === 'number' ? r : 0;
}

/** rmdir(2): removes an empty directory (ENOTEMPTY, ENOTDIR otherwise). */
export function sysRmdir(k: Kernel, task: Task, path: string): number {
  const found = lookupAt(k, task, AT_FDCWD, path);
  if (typeof found === 'number') return found;
  if (!found.inode) return -ENOENT;
  if (found.inode.kind !== 'dir') return -ENOTDIR;
  if (!mayAccess(found.dir, UID, MAY_WRITE | MAY_EXEC)) return -EACCES;
  return k.fs.rmdir(found.dir, found.name);
}

/** chdir(2): the working directory becomes `path` (a directory the student may search). */
export function sysChdir(k: Kernel, task: Task, path: string): number {
  const inode = inodeAt(k, task, AT_FDCWD, path);
  if (typeof inode === 'number') return inode;
  if (inode.kind !== 'dir') return -ENOTDIR;
  if (!mayAccess(inode, UID, MAY_EXEC)) return -EACCES;
  // the lab keeps the working directory as its path: one no path can name is refused (a deeper
  // one made every later relative name ENOENT)
  const cwd = k.fs.pathOf(inode);
  if (cwd.length >= PATH_MAX) return -ENAMETOOLONG;
  task.fs.cwd = cwd;
  return 0;
}

/** getcwd(2): the working directory's absolute path. */
export function sysGetcwd(task: Task): string {
  return task.fs.cwd;
}

/** One directory entry, as getdents64 gives it (d_type: DT_DIR 4, DT_REG 8, DT_CHR 2). */
export interface Dirent {
  ino: number;
  name: string;
  type: number;
}

/**
 * getdents64, one entry at a time (readdir): the next entry of the directory open at fd, or null
 * at its end. "." and ".." come first, then the entries newest first, as tmpfs lists them.
 */
export function sysReaddir(k: Kernel, task: Task, fd: number): Dirent | null | number {
  const entry = task.files.get(fd);
  if (!entry) return -EBADF;
  const file = entry.file;
  if (file.kind !== 'dir') return -ENOTDIR;
  const dir = file.inode!;
  const entries: [string, Inode][] = [['.', dir], ['..', dir.parent!], ...[...dir.entries!].reverse()];
  if (file.pos >= entries.length) return null;
  const [name, inode] = entries[file.pos++];
  traceFile(k, task, file);
  return { ino: inode.ino, name, type: inode.kind === 'dir' ? 4 : inode.kind === 'null' ? 2 : 8 };
}
