/**
 * The trace: what happened during a run, as a list of small events (not snapshots).
 * Every event carries the step (global instruction count), the simulated time and the task.
 * The format is versioned (TRACE_VERSION) and documented, event by event, in docs/trace.md: the
 * viewer, the grader and exports read it, so a change of an event's fields changes that document.
 *
 * `TraceEvent` is a discriminated union with one type per `kind` (EventDetails below), shared by
 * the kernel that emits events (`Kernel.event`) and every reader (the checker, the renderer's
 * trace model): a renamed or missing field fails the typecheck instead of drawing a wrong picture.
 */
import type { WarningKind } from './warnings.ts';
import type { ErrnoName } from './uapi.ts';
import type { FileKind } from './files.ts';

import { TRACE_BYTES } from './budgets.ts';

export const TRACE_VERSION = 2;

/** What every event has. */
export interface EventBase {
  /** global step count when it happened */
  step: number;
  /** simulated time in nanoseconds */
  time: number;
  /** pid (tid) of the task it concerns */
  pid: number;
  /** source line in the user's file, when known */
  line?: number;
}

/** How a task was made by clone (the `what` of a `clone` event). */
export type CloneWhat = 'fork' | 'vfork' | 'clone' | 'clone-vm' | 'thread';

/** What a blocked task waits on (the `on` of a `block` event). */
export type BlockOn = 'wait' | 'pipe-read' | 'pipe-write' | 'terminal-read' | 'sleep' | 'pause' | 'vfork' | 'futex' | 'stopped';

/** Why a task became runnable again (the `reason` of a `wake` event). */
export type WakeReason = 'wake' | 'child-exited' | 'child-stopped' | 'vfork-done' | 'signal' | 'continue' | 'pipe' | 'timer' | 'futex';

/** One page of a snapshot: [vpn, frame, flags]. */
export type PageEntry = [number, number, string];

/** A variable as detail mode shows it (docs/trace.md, "Detail mode"). */
export interface VarView {
  name: string;
  type: string;
  address: number;
  value: string;
  scope: 'local' | 'global';
}

/** The fields of a `fault` event: a page fault the kernel handled, or a refused access that kills. */
export type FaultDetails =
  | {
      mm: number;
      vpn: number;
      frame: number;
      address: number;
      write: boolean;
      reason: 'demand-zero' | 'cow';
      /** demand-zero: the new page's flags */
      flags?: string;
      signal?: undefined;
    }
  | {
      /** SIGSEGV, SIGFPE, SIGBUS, SIGKILL (the OOM killer) */
      signal: string;
      /** null-pointer, unmapped, stack-overflow, write-to-read-only, out-of-memory, divide-by-zero, … */
      reason: string;
      address: number;
      write: boolean;
      pc: number;
      page: number;
    };

/** The fields of each kind of event (besides EventBase's), by kind: docs/trace.md documents each. */
export interface EventDetails {
  /** `state`: R for the program (runnable), S for init and the shell (they sleep in wait until a child exits) */
  'task-new': { ppid: number; command: string; mm: number | null; state: 'R' | 'S' };
  clone: {
    child: number;
    flags: number;
    what: CloneWhat;
    /** the copy_process steps, in order */
    steps: string[];
    /** the child's parent (differs from pid with CLONE_PARENT) */
    childParent: number;
    tgid: number;
    /** the child's address space id */
    mm: number;
    command: string;
  };
  'fork-failed': {
    /** RLIMIT_NPROC, or the errno of the copy_process step that failed (ENOMEM when frames ran out) */
    reason: 'RLIMIT_NPROC' | ErrnoName;
    /** RLIMIT_NPROC: the caller's limit */
    limit?: number;
    /** the copy_process step that failed */
    failedAt: string;
    /** the steps undone, in the order they were undone (the reverse of the order they were taken) */
    undone: string[];
    /** true when a test's fault injection (Kernel.injectFault) made the step fail */
    injected?: boolean;
  };
  exec: { program: string; argv: string[]; mm: number };
  'exec-failed': { path: string; errno: string };
  exit: { status: number; code: number; signal: string | null };
  'vfork-done': { parent: number };
  reparent: { from: number; to: number };
  reap: { by: number; status: number; zombieFor: number };
  subreaper: { on: boolean };
  switch: { from: number | null };
  block: {
    on: BlockOn;
    detail: string;
    waitPid?: number;
    fd?: number;
    until?: number;
    child?: number;
    address?: number;
  };
  wake: { reason: WakeReason };
  stop: { signal: number };
  continue: { signal?: number };
  'run-end': { reason: string; message: string | null };
  'mm-snapshot': {
    mm: number;
    pages: PageEntry[];
    /** `shared` only on a MAP_SHARED mapping's segment */
    segments: { name: string; start: number; end: number; shared?: true }[];
    refs: [number, number][];
  };
  'mm-release': { mm: number };
  fault: FaultDetails;
  'cow-copy': { mm: number; vpn: number; frame: number; newFrame: number; address: number };
  'cow-reuse': { mm: number; vpn: number; frame: number; address: number };
  'frame-alloc': { frame: number; mm: number };
  'frame-free': { frame: number; mm: number };
  brk: { mm: number; from: number; to: number };
  /** a private anonymous mapping given back (munmap): its pages in [start, end) are gone */
  munmap: { mm: number; start: number; end: number };
  'signal-send': { signal: number; from: number | null };
  'signal-deliver': { signal: number; action: string };
  'signal-handler': { signal: number; handler: number };
  pipe: { pipe: number; fds: [number, number] };
  'pipe-read': { pipe: number; fd: number; bytes: number };
  'pipe-write': { pipe: number; fd: number; bytes: number };
  dup: { fd: number; newFd: number };
  dup2: { fd: number; newFd: number };
  close: { fd: number };
  output: { fd: number; text: string };
  /** `pid`'s whole descriptor table after it changed: [fd, open file description id, close-on-exec] */
  'fd-table': { fds: [number, number, boolean][] };
  /** an open file description, when it is made and when its offset or size changes */
  file: {
    file: number;
    /** what it is: tty, pipe-read, pipe-write, null (/dev/null), file, dir */
    fileKind: FileKind;
    /** the path it was opened by (/dev/tty for the terminal), or null for a pipe end */
    path: string | null;
    /** the open flags it keeps: O_RDONLY/O_WRONLY/O_RDWR, O_APPEND, O_NONBLOCK */
    flags: number;
    /** the file offset */
    pos: number;
    /** the inode of a file, directory or /dev/null (descriptions of one file share its size), else null */
    ino: number | null;
    /** a regular file's size, else null */
    size: number | null;
  };
  /** a name was removed from the file system */
  unlink: { path: string };
  /** an endless loop (the same state every `period` steps) was skipped ahead `steps` steps, to time `until` (a timer) */
  'loop-skip': { steps: number; period: number; until: number };
  syscall: { name: string; args: (number | string)[]; result: number | null; errno: string | null };
  warning: { warningKind: WarningKind; message: string };
  line: { line: number; fn: string; depth: number; vars: VarView[] };
  'detail-limit': { limit: number; message: string };
  /** memcheck (vm/memcheck) stopped watching: the rest of the run has no memcheck warnings */
  'memcheck-limit': { limit: number; message: string };
  unsupported: { function: string };
}

/** Every kind of event. */
export type TraceKind = keyof EventDetails;

/** One event of the trace: the base fields and its kind's fields. */
export type TraceEvent = { [K in TraceKind]: EventBase & { kind: K } & EventDetails[K] }[TraceKind];

/** The event type of one kind: `EventOf<'clone'>`. */
export type EventOf<K extends TraceKind> = Extract<TraceEvent, { kind: K }>;

/**
 * Which events a run keeps: every kind ('all', for the viewer and `--trace`), none ('none':
 * `forklab run` without --trace keeps counters only), or the kinds listed (the checker asks for
 * the events its checks read). What is not kept is never built.
 */
export type TraceKeep = 'all' | 'none' | readonly TraceKind[];

export class Trace {
  readonly events: TraceEvent[] = [];
  /**
   * Events the run made up to the limit, kept or not: what a trace keeping everything would have
   * counted. The machine ends a CPU slice after a library call that made one (vm/machine.ts),
   * whatever is kept, so that keeping less never changes when anything happens.
   */
  recorded = 0;
  /** estimated host bytes of the kept events (eventBytes) */
  bytes = 0;
  /** events beyond the limits: counted, not kept */
  dropped = 0;
  private readonly kept: ((kind: TraceKind) => boolean) | null;

  /**
   * `keep`: the kinds kept. `limit`: the most events a run records, and `maxBytes` the most bytes
   * the kept ones may take (budgets.ts TRACE_BYTES: a page table snapshot of a large process is
   * megabytes); later events are counted but dropped.
   */
  constructor(readonly limit = 2_000_000, keep: TraceKeep = 'all', readonly maxBytes = TRACE_BYTES) {
    if (keep === 'all') this.kept = null;
    else if (keep === 'none') this.kept = () => false;
    else {
      const kinds = new Set<TraceKind>(keep);
      this.kept = (kind) => kinds.has(kind);
    }
  }

  /**
   * Counts an event the kernel is about to make (or drops it beyond the limits); true when the
   * trace keeps it: then build it and add() it.
   */
  offer(kind: TraceKind): boolean {
    if (this.recorded >= this.limit) {
      this.dropped++;
      return false;
    }
    this.recorded++;
    if (this.kept !== null && !this.kept(kind)) return false;
    if (this.bytes >= this.maxBytes) {
      this.dropped++;
      return false;
    }
    return true;
  }

  /** Keeps an event offer() accepted (and the run's last event, which is always kept). */
  add(event: TraceEvent): void {
    this.events.push(event);
    this.bytes += eventBytes(event);
  }

  /** True when every kind is kept. */
  get keepsAll(): boolean {
    return this.kept === null;
  }
}

/** What an event costs before its fields (the object, step, time, pid, kind). */
const EVENT_BYTES = 96;
/** What each item of an array field costs (a page of a snapshot is a small array of its own). */
const ITEM_BYTES = 48;

/**
 * The estimated host bytes of an event, about the size of its JSON: a fixed cost, its strings,
 * and its arrays' items (the pages and frames of an mm-snapshot, the variables of a line event).
 */
export function eventBytes(event: TraceEvent): number {
  let n = EVENT_BYTES;
  const fields = event as unknown as Record<string, unknown>;
  for (const key in fields) {
    const v = fields[key];
    if (typeof v === 'string') n += v.length;
    else if (Array.isArray(v)) n += v.length * ITEM_BYTES;
    else if (v !== null && typeof v === 'object') n += Object.keys(v).length * ITEM_BYTES;
  }
  return n;
}

/** A type guard for one kind: `events.filter(isKind('clone'))` is an `EventOf<'clone'>[]`. */
export function isKind<K extends TraceKind>(kind: K): (e: TraceEvent) => e is EventOf<K> {
  return (e: TraceEvent): e is EventOf<K> => e.kind === kind;
}

/** The events of one kind, in order. */
export function eventsOf<K extends TraceKind>(events: readonly TraceEvent[], kind: K): EventOf<K>[] {
  return events.filter(isKind(kind));
}
