/**
 * The descriptor tables and open files of a run at one position, rebuilt from the trace's
 * `fd-table` and `file` events (docs/trace.md, "Signals, descriptors, terminal"): each task's table
 * is its last `fd-table` event, each open file description the fields of its last `file` event.
 * An open file is shown while some task's table names it; descriptors of different tasks that
 * name the same file share it, offset included (dup, dup2, fork). Pure TypeScript.
 */
import type { EventOf, TraceEvent } from '../lab/index.ts';

/** One descriptor of a task's table. */
export interface FdView {
  fd: number;
  /** the open file description's number */
  file: number;
  cloexec: boolean;
}

/** An open file description. */
export interface OpenFileView {
  id: number;
  kind: string;
  path: string | null;
  flags: number;
  pos: number;
  size: number | null;
  /** every descriptor, in every task, that refers to it: [pid, fd] */
  holders: [number, number][];
}

export interface FilesView {
  /** tasks with at least one descriptor, by pid, in pid order */
  tables: { pid: number; fds: FdView[] }[];
  /** the open file descriptions some table names, by number */
  files: OpenFileView[];
}

type FileEvent = EventOf<'fd-table'> | EventOf<'file'>;

/**
 * The files model of a trace: `at(position)` is the state after the first `position` events.
 * It keeps only the trace's file events and moves forwards from where it last was (backwards
 * starts over), so scrubbing costs the file events between two positions.
 */
export class FilesModel {
  private readonly events: { index: number; e: FileEvent }[] = [];
  private tables = new Map<number, FdView[]>();
  private files = new Map<number, EventOf<'file'>>();
  /** a file's size, by inode: the last `file` event of any of its descriptions says it */
  private sizes = new Map<number, number>();
  /** how many of `events` are applied */
  private applied = 0;

  constructor(trace: readonly TraceEvent[]) {
    trace.forEach((e, index) => {
      if (e.kind === 'fd-table' || e.kind === 'file') this.events.push({ index, e });
    });
  }

  /** True when the run traced no descriptor table (then there is nothing to show). */
  get empty(): boolean {
    return this.events.length === 0;
  }

  /** The tables and open files after the first `position` events of the trace. */
  at(position: number): FilesView {
    if (this.applied > 0 && this.events[this.applied - 1].index >= position) this.reset();
    while (this.applied < this.events.length && this.events[this.applied].index < position) {
      this.apply(this.events[this.applied].e);
      this.applied++;
    }
    return this.view();
  }

  private reset(): void {
    this.tables = new Map();
    this.files = new Map();
    this.sizes = new Map();
    this.applied = 0;
  }

  private apply(e: FileEvent): void {
    if (e.kind === 'file') {
      this.files.set(e.file, e);
      if (e.ino !== null && e.size !== null) this.sizes.set(e.ino, e.size);
    }
    else this.tables.set(e.pid, e.fds.map(([fd, file, cloexec]) => ({ fd, file, cloexec })));
  }

  private view(): FilesView {
    const tables = [...this.tables].filter(([, fds]) => fds.length > 0).sort((a, b) => a[0] - b[0]).map(([pid, fds]) => ({ pid, fds }));
    const holders = new Map<number, [number, number][]>();
    for (const { pid, fds } of tables) for (const d of fds) holders.set(d.file, [...(holders.get(d.file) ?? []), [pid, d.fd]]);
    const files: OpenFileView[] = [];
    for (const [id, h] of [...holders].sort((a, b) => a[0] - b[0])) {
      const f = this.files.get(id);
      const size = f && f.ino !== null && f.size !== null ? this.sizes.get(f.ino) ?? f.size : null;
      files.push({ id, kind: f?.fileKind ?? '?', path: f?.path ?? null, flags: f?.flags ?? 0, pos: f?.pos ?? 0, size, holders: h });
    }
    return { tables, files };
  }
}

/** An open file in words: "the terminal", "pipe 2 (read end)", "/home/student/out.txt". */
export function fileName(f: OpenFileView): string {
  switch (f.kind) {
    case 'tty':
      return 'the terminal';
    case 'pipe-read':
      return 'a pipe (read end)';
    case 'pipe-write':
      return 'a pipe (write end)';
    case 'null':
      return f.path ?? '/dev/null';
    default:
      return f.path ?? '?';
  }
}

/** The open flags as C writes them: O_WRONLY|O_APPEND. */
export function flagNames(flags: number): string {
  const access = ['O_RDONLY', 'O_WRONLY', 'O_RDWR'][flags & 3] ?? 'O_RDONLY';
  const more = [[0o2000, 'O_APPEND'], [0o4000, 'O_NONBLOCK']].filter(([bit]) => flags & (bit as number)).map(([, n]) => n);
  return [access, ...more].join('|');
}
