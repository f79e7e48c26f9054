/**
 * The file system of a run: a tree of inodes in memory (Linux's ramfs/tmpfs), made fresh at
 * boot and gone when the run ends. It holds the programs exec can run (/bin, /usr/bin, the
 * student's own program in the working directory), a writable /tmp and home directory, /dev/null,
 * and whatever files an exercise or `forklab run --file` seeds.
 *
 * Path lookup (namei) follows Linux's rules and errors: every component but the last must be a
 * directory (ENOTDIR) that exists (ENOENT) and that the student may search (EACCES); "." and ".."
 * work; a path longer than PATH_MAX or a component longer than NAME_MAX is ENAMETOOLONG.
 */
import type { ProgramImage } from '../lang/image.ts';
import { EACCES, EBUSY, EEXIST, ENAMETOOLONG, ENOENT, ENOSPC, ENOTDIR, ENOTEMPTY } from './uapi.ts';

export const PATH_MAX = 4096;
export const NAME_MAX = 255;
/** The student's uid, and root's: files are owned by one or the other. */
export const STUDENT = 1000;
export const ROOT = 0;
/** The working directory a run starts in (the student's home). */
export const HOME = '/home/student';
/** umask 022, as a login shell sets it */
export const UMASK = 0o022;
/** Bytes the files seeded before a run may hold together. */
export const SEED_BYTES = 16 << 20;
/**
 * The most inodes (files and directories, the lab's own included) a run's file system holds at
 * once, as tmpfs's nr_inodes (half the pages of the 128 MiB machine): a program that makes
 * files without end gets ENOSPC instead of filling the host's memory with names.
 */
export const MAX_INODES = 16384;

export type InodeKind = 'file' | 'dir' | 'null';

export interface Inode {
  ino: number;
  kind: InodeKind;
  /** permission bits (0o644, 0o755, …) */
  mode: number;
  uid: number;
  /** directory entries naming it (it is freed when 0 and no open file refers to it) */
  nlink: number;
  /** a regular file's bytes: data[0 .. size) (data may be longer: room to grow) */
  data: Uint8Array;
  size: number;
  /** open file descriptions that refer to it (an unlinked file lives on while any does) */
  opens: number;
  /** a directory's entries in the order they were made, and its parent */
  entries: Map<string, Inode> | null;
  parent: Inode | null;
  /** the name its directory gives it (a dentry's d_name: the lab has no hard links), '' for the root */
  name: string;
  /** a program exec can run: its image (compiled on first use), or null */
  program: (() => ProgramImage | null) | null;
  /** simulated time of the last change (ns) */
  mtime: number;
  /** true once putInode freed a regular file (its inode counted off once) */
  freed?: boolean;
}

/** What a path names: the inode, or the directory that would hold it and the last name. */
export interface Lookup {
  inode: Inode | null;
  dir: Inode;
  name: string;
}

export class RamFs {
  readonly root: Inode;
  private nextIno = 1;
  /** bytes the regular files hold together (seeded files included) */
  usedBytes = 0;
  /** inodes alive: named, or open (MAX_INODES at most for the program's own) */
  inodes = 0;
  /**
   * Bumped by every change a program could see: a name made or removed, a file's bytes, an
   * open file's offset (the schedule explorer compares it to tell which steps touched files).
   */
  version = 0;

  constructor() {
    this.root = this.newInode('dir', 0o755, ROOT, null);
    this.root.parent = this.root;
    for (const dir of ['/bin', '/usr', '/usr/bin', '/dev', '/home', '/tmp']) this.mkdirAll(dir, ROOT, dir === '/tmp' ? 0o1777 : 0o755);
    this.mkdirAll(HOME, STUDENT, 0o755);
    const dev = this.resolve('/dev', '/') as Inode;
    this.link(dev, 'null', this.newInode('null', 0o666, ROOT, null));
  }

  private newInode(kind: InodeKind, mode: number, uid: number, parent: Inode | null): Inode {
    this.inodes++;
    return {
      ino: this.nextIno++,
      kind,
      mode,
      uid,
      nlink: kind === 'dir' ? 2 : 0,
      data: new Uint8Array(0),
      size: 0,
      opens: 0,
      entries: kind === 'dir' ? new Map() : null,
      parent,
      name: '',
      program: null,
      mtime: 0,
    };
  }

  private link(dir: Inode, name: string, inode: Inode): void {
    dir.entries!.set(name, inode);
    inode.name = name;
    if (inode.kind === 'dir') dir.nlink++;
    else inode.nlink++;
  }

  /** Makes `path` and its missing parents as directories owned by `uid` (boot and seeding). */
  mkdirAll(path: string, uid: number, mode = 0o755): Inode {
    let dir = this.root;
    for (const name of path.split('/').filter(Boolean)) {
      let next = dir.entries!.get(name);
      if (!next) {
        next = this.newInode('dir', mode, uid, dir);
        this.link(dir, name, next);
      }
      dir = next;
    }
    return dir;
  }

  /** Puts a file at the absolute `path` (its directories made as needed): seeded files and programs. */
  putFile(path: string, bytes: Uint8Array, options: { uid?: number; mode?: number; program?: () => ProgramImage | null } = {}): Inode {
    const slash = path.lastIndexOf('/');
    const dir = this.mkdirAll(path.slice(0, slash), options.uid ?? STUDENT);
    const name = path.slice(slash + 1);
    if (dir.entries!.has(name)) this.unlinkEntry(dir, name);
    const inode = this.newInode('file', options.mode ?? 0o644, options.uid ?? STUDENT, null);
    inode.data = bytes.slice();
    inode.size = bytes.length;
    this.usedBytes += bytes.length;
    inode.program = options.program ?? null;
    this.link(dir, name, inode);
    return inode;
  }

  /**
   * Seeds a file an exercise or `forklab run --file` gives the program: `path` relative to the
   * home directory, or absolute. Returns why it cannot (words for the user, after the path), or null.
   */
  seed(path: string, bytes: Uint8Array): string | null {
    const absolute = path.startsWith('/') ? path : `${HOME}/${path}`;
    const names = absolute.split('/').filter(Boolean);
    if (names.length === 0 || path.endsWith('/')) return 'not a file name';
    if (names.some((n) => n === '.' || n === '..' || n.length > NAME_MAX || n.includes('\0'))) return 'not a plain file name (no "." or ".." parts, at most 255 characters each)';
    if (absolute.length >= PATH_MAX) return 'the name is too long';
    if (this.usedBytes + bytes.length > SEED_BYTES) return `the files given to the program would hold more than ${SEED_BYTES / (1 << 20)} MiB`;
    const existing = this.resolve(absolute, '/');
    if (typeof existing !== 'number' && existing.kind !== 'file') return 'the lab has a directory or device there';
    if (typeof existing !== 'number' && existing.program) return 'that is one of the lab\'s programs';
    this.putFile('/' + names.join('/'), bytes);
    return null;
  }

  /**
   * namei: resolves `path` (relative ones from `cwd`) to its inode, or returns -errno. With
   * `parent`, the last component may be missing: the result names the directory and the name.
   */
  lookup(path: string, cwd: string, uid: number): Lookup | number {
    if (path.length === 0) return -ENOENT;
    if (path.length >= PATH_MAX) return -ENAMETOOLONG;
    const start = path.startsWith('/') ? this.root : this.resolve(cwd, '/');
    if (!start || typeof start === 'number') return -ENOENT;
    const names = path.split('/').filter(Boolean);
    let dir = start;
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (name.length > NAME_MAX) return -ENAMETOOLONG;
      if (dir.kind !== 'dir') return -ENOTDIR;
      if (!mayAccess(dir, uid, 1)) return -EACCES;
      const next = name === '.' ? dir : name === '..' ? dir.parent! : dir.entries!.get(name) ?? null;
      if (i === names.length - 1) {
        // a trailing slash means the name must be a directory
        if (next && next.kind !== 'dir' && path.endsWith('/')) return -ENOTDIR;
        return { inode: next, dir, name };
      }
      if (!next) return -ENOENT;
      dir = next;
    }
    // "/" or "." or "a/..": the directory itself
    return { inode: dir, dir: dir.parent!, name: '.' };
  }

  /** The inode at `path`, or -errno. */
  resolve(path: string, cwd: string, uid = ROOT): Inode | number {
    const r = this.lookup(path, cwd, uid);
    if (typeof r === 'number') return r;
    return r.inode ?? -ENOENT;
  }

  /** True when no inode is left for a new file or directory (a create is then ENOSPC). */
  full(): boolean {
    return this.inodes >= MAX_INODES;
  }

  /** Creates a regular file `name` in `dir` (its mode filtered by the umask); -ENOSPC when no inode is left. */
  create(dir: Inode, name: string, mode: number, uid: number, now: number): Inode | number {
    if (this.full()) return -ENOSPC;
    this.version++;
    const inode = this.newInode('file', mode & ~UMASK & 0o7777, uid, null);
    inode.mtime = now;
    this.link(dir, name, inode);
    dir.mtime = now;
    return inode;
  }

  /** mkdir: a new directory `name` in `dir`; -EEXIST when the name is taken. */
  mkdir(dir: Inode, name: string, mode: number, uid: number, now: number): Inode | number {
    this.version++;
    if (dir.entries!.has(name)) return -EEXIST;
    if (this.full()) return -ENOSPC;
    const inode = this.newInode('dir', mode & ~UMASK & 0o7777, uid, dir);
    inode.mtime = now;
    this.link(dir, name, inode);
    return inode;
  }

  /** Removes the entry `name` of `dir` (unlink); the inode lives on while open files refer to it. */
  unlinkEntry(dir: Inode, name: string): void {
    this.version++;
    const inode = dir.entries!.get(name);
    if (!inode) return;
    dir.entries!.delete(name);
    if (inode.kind === 'dir') {
      dir.nlink--;
      inode.nlink = 0;
      this.inodes--;
    } else inode.nlink--;
    this.putInode(inode);
  }

  /** Frees a file's bytes (and its inode) once no name and no open file refers to it (iput). */
  putInode(inode: Inode): void {
    if (inode.nlink > 0 || inode.opens > 0 || inode.kind !== 'file' || inode.freed) return;
    inode.freed = true;
    this.inodes--;
    this.usedBytes -= inode.size;
    inode.size = 0;
    inode.data = new Uint8Array(0);
  }

  /** Cuts a regular file to `size` bytes (O_TRUNC, ftruncate). */
  truncate(inode: Inode, size: number): void {
    this.version++;
    if (size >= inode.size) return;
    this.usedBytes -= inode.size - size;
    inode.data.fill(0, size, inode.size);
    inode.size = size;
  }

  /** rmdir: removes the empty directory `name` of `dir`; -ENOTEMPTY, -ENOTDIR, -EBUSY (the root). */
  rmdir(dir: Inode, name: string): number {
    const inode = dir.entries!.get(name);
    if (!inode) return name === '.' || name === '..' ? -EBUSY : -ENOENT;
    if (inode.kind !== 'dir') return -ENOTDIR;
    if (inode.entries!.size > 0) return -ENOTEMPTY;
    this.unlinkEntry(dir, name);
    return 0;
  }

  /**
   * The absolute path of a directory (getcwd), from its parents and the names they give it (one
   * step per level, whatever the size of the directories); '' when it was removed.
   */
  pathOf(dir: Inode): string {
    const parts: string[] = [];
    for (let d = dir; d !== this.root; d = d.parent!) {
      if (d.parent!.entries!.get(d.name) !== d) return '';
      parts.push(d.name);
    }
    return '/' + parts.reverse().join('/');
  }

  /** Every regular file under `dir` with its path, for reports (the files a run leaves). */
  listFiles(dir: Inode = this.root, prefix = ''): { path: string; inode: Inode }[] {
    const out: { path: string; inode: Inode }[] = [];
    for (const [name, inode] of dir.entries!) {
      const path = `${prefix}/${name}`;
      if (inode.kind === 'dir') out.push(...this.listFiles(inode, path));
      else if (inode.kind === 'file' && !inode.program) out.push({ path, inode });
    }
    return out;
  }
}

/** Permission bit `want` (4 read, 2 write, 1 execute/search) for `uid` on `inode`. */
export function mayAccess(inode: Inode, uid: number, want: number): boolean {
  if (uid === ROOT) return want !== 1 || inode.kind === 'dir' || (inode.mode & 0o111) !== 0;
  const bits = inode.uid === uid ? (inode.mode >> 6) & 7 : inode.mode & 7;
  return (bits & want) === want;
}

/** The bytes of a file as a string of its text (for reports). */
export function fileText(inode: Inode): string {
  return new TextDecoder().decode(inode.data.subarray(0, inode.size));
}

/** Makes room for `size` bytes in a regular file's buffer (it grows by doubling). */
export function ensureCapacity(inode: Inode, size: number): void {
  if (inode.data.length >= size) return;
  const bigger = new Uint8Array(Math.max(size, inode.data.length * 2, 256));
  bigger.set(inode.data.subarray(0, inode.size));
  inode.data = bigger;
}
