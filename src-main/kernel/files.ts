/**
 * Open files and descriptor tables (Linux's `struct file` and `struct files_struct`).
 *
 * A descriptor points to an open file description; dup, dup2 and fork share descriptions (and
 * their reference counts, and a regular file's offset: a parent and child writing through the
 * same description never overwrite each other), CLONE_FILES shares the whole table. The kinds of
 * files: the terminal, pipe ends, /dev/null, regular files and directories of the run's file
 * system (ramfs.ts).
 */
import type { Inode } from './ramfs.ts';

export interface Pipe {
  id: number;
  buffer: number[];
  readers: number;
  writers: number;
}

export type FileKind = 'tty' | 'pipe-read' | 'pipe-write' | 'null' | 'file' | 'dir';

export interface OpenFile {
  kind: FileKind;
  pipe: Pipe | null;
  /** descriptors (in any table) that refer to this description */
  refs: number;
  /** a file or directory of the file system: its inode and the path it was opened by (else null) */
  inode: Inode | null;
  path: string | null;
  /** the file offset (f_pos), shared by every descriptor of the description */
  pos: number;
  /** the open flags that stay with the description: access mode, O_APPEND, O_NONBLOCK */
  flags: number;
  /** its number in the trace and the viewer (per run, from 1) */
  id: number;
}

/** A new open file description of `kind` (no descriptor refers to it yet). */
export function newOpenFile(id: number, kind: FileKind, flags: number, pipe: Pipe | null = null, inode: Inode | null = null, path: string | null = null): OpenFile {
  return { kind, pipe, refs: 0, inode, path, pos: 0, flags, id };
}

export interface FdEntry {
  file: OpenFile;
  cloexec: boolean;
}

export class FdTable {
  /** tasks sharing this table (CLONE_FILES) */
  users = 1;
  fds: (FdEntry | null)[] = [];

  /** The entry of descriptor fd, or null when it is not open. */
  get(fd: number): FdEntry | null {
    return fd >= 0 && fd < this.fds.length ? this.fds[fd] : null;
  }

  /** Lowest free descriptor number (as POSIX requires for open, pipe and dup). */
  lowestFree(from = 0): number {
    let fd = from;
    while (fd < this.fds.length && this.fds[fd]) fd++;
    return fd;
  }

  /** Installs `file` at descriptor fd (taking a reference). */
  install(fd: number, file: OpenFile, cloexec = false): void {
    while (this.fds.length <= fd) this.fds.push(null);
    file.refs++;
    this.fds[fd] = { file, cloexec };
  }

  /** dup_fd: a copy for fork; every description gains a reference. */
  duplicate(): FdTable {
    const copy = new FdTable();
    copy.fds = this.fds.map((e) => {
      if (!e) return null;
      e.file.refs++;
      return { file: e.file, cloexec: e.cloexec };
    });
    return copy;
  }
}

export const MAX_FDS = 1024;
