/**
 * The state of a run at one moment, rebuilt from trace events (docs/trace.md, format 2).
 * `applyEvent` is the only function that changes a ViewState; `cloneState` makes the keyframes.
 * Pure TypeScript: no Vue, no DOM.
 */
import type { EventOf, TraceEvent } from '../lab/index.ts';

/** Linux's state letters (ps STAT): R runnable, S sleeping, D uninterruptible (vfork), T stopped, Z zombie; X = reaped. */
export type StateLetter = 'R' | 'S' | 'D' | 'T' | 'Z' | 'X';

export interface TaskView {
  pid: number;
  ppid: number;
  /** the parent before an orphan was reparented (null when never reparented) */
  reparentedFrom: number | null;
  tgid: number;
  command: string;
  mm: number | null;
  state: StateLetter;
  /** what a sleeping task waits on (`block` event's `on`) */
  blockedOn: string | null;
  exitCode: number | null;
  signal: string | null;
  reapedBy: number | null;
  /** how the task was made: fork, vfork, clone, thread, boot */
  origin: string;
  bornAt: number;
  /** where the task stood at its last line event (detail mode); the replayed inspection says where it stands at any step */
  line: number | null;
  fn: string | null;
  depth: number;
}

export interface PageView {
  frame: number;
  /** r, w, x as allowed, plus c when copy-on-write */
  flags: string;
  /** the trace index and the step of the event that last changed this entry */
  changedAt: number;
  changedStep: number;
  /** how it last changed: snapshot, demand-zero, cow-copy, cow-reuse */
  how: string;
}

export interface SegmentView {
  name: string;
  start: number;
  end: number;
}

export interface MmView {
  id: number;
  pages: Map<number, PageView>;
  segments: SegmentView[];
}

export interface OutputChunk {
  pid: number;
  text: string;
  index: number;
}

export interface ViewState {
  /** how many events have been applied */
  position: number;
  /** the step of the last applied event (0 before any) */
  step: number;
  running: number | null;
  tasks: Map<number, TaskView>;
  mms: Map<number, MmView>;
  terminal: OutputChunk[];
  /** indices (into the trace) of the warnings seen so far */
  warnings: number[];
  ended: string | null;
  /** bytes per page of the run (a shrinking brk unmaps whole pages) */
  pageSize: number;
}

/** The state before the first event. */
export function emptyState(pageSize = 4096): ViewState {
  return { position: 0, step: 0, running: null, tasks: new Map(), mms: new Map(), terminal: [], warnings: [], ended: null, pageSize };
}

/** A deep copy (keyframes must not change when the live state moves on). */
export function cloneState(s: ViewState): ViewState {
  const tasks = new Map<number, TaskView>();
  for (const [pid, t] of s.tasks) tasks.set(pid, { ...t });
  const mms = new Map<number, MmView>();
  for (const [id, m] of s.mms) {
    const pages = new Map<number, PageView>();
    for (const [vpn, p] of m.pages) pages.set(vpn, { ...p });
    mms.set(id, { id, pages, segments: m.segments });
  }
  return { ...s, tasks, mms, terminal: s.terminal.slice(), warnings: s.warnings.slice() };
}

function newTask(pid: number, ppid: number, command: string, mm: number | null, origin: string, at: number): TaskView {
  return {
    pid, ppid, reparentedFrom: null, tgid: pid, command, mm, state: 'R', blockedOn: null, exitCode: null, signal: null,
    reapedBy: null, origin, bornAt: at, line: null, fn: null, depth: 0,
  };
}

function taskFor(s: ViewState, pid: number, index: number): TaskView {
  let t = s.tasks.get(pid);
  if (!t) {
    t = newTask(pid, 0, '?', null, 'boot', index);
    s.tasks.set(pid, t);
  }
  return t;
}

function mmFor(s: ViewState, id: number): MmView {
  let m = s.mms.get(id);
  if (!m) {
    m = { id, pages: new Map(), segments: [] };
    s.mms.set(id, m);
  }
  return m;
}

/** The letter a blocked task shows: a vfork parent is D (as Linux), a stopped task T, others S. */
export function letterForBlock(on: string | null): StateLetter {
  if (on === 'vfork') return 'D';
  if (on === 'stopped') return 'T';
  return 'S';
}

/** Marks, in every other address space, the pages mapping one of `frames` as copy-on-write. */
function markSharedCow(s: ViewState, except: number, frames: Set<number>, index: number, step: number): void {
  for (const m of s.mms.values()) {
    if (m.id === except) continue;
    for (const p of m.pages.values()) {
      if (frames.has(p.frame) && !p.flags.includes('c')) {
        p.flags = p.flags.replace('w', '') + 'c';
        p.changedAt = index;
        p.changedStep = step;
      }
    }
  }
}

function applySnapshot(s: ViewState, e: EventOf<'mm-snapshot'>, index: number): void {
  const m = mmFor(s, e.mm);
  m.pages = new Map();
  const cowFrames = new Set<number>();
  for (const [vpn, frame, flags] of e.pages) {
    m.pages.set(vpn, { frame, flags, changedAt: index, changedStep: e.step, how: 'snapshot' });
    if (flags.includes('c')) cowFrames.add(frame);
  }
  // one pass over the other address spaces for all the COW frames (not one pass per page)
  if (cowFrames.size > 0) markSharedCow(s, e.mm, cowFrames, index, e.step);
  m.segments = e.segments;
}

/** A demand-zero fault maps a new page; a fault that kills changes no page table. */
function applyFault(s: ViewState, e: EventOf<'fault'>, index: number): void {
  if (e.signal !== undefined || e.reason !== 'demand-zero') return;
  // the events of an address space exec is still building come before its first snapshot (docs/trace.md)
  const m = s.mms.get(e.mm);
  if (!m) return;
  m.pages.set(e.vpn, { frame: e.frame, flags: e.flags ?? m.pages.get(e.vpn)?.flags ?? (e.write ? 'rw' : 'r'), changedAt: index, changedStep: e.step, how: 'demand-zero' });
}

function applyCowCopy(s: ViewState, e: EventOf<'cow-copy'>, index: number): void {
  const m = s.mms.get(e.mm);
  if (!m) return;
  const old = m.pages.get(e.vpn);
  m.pages.set(e.vpn, { frame: e.newFrame, flags: writable(old?.flags ?? 'r'), changedAt: index, changedStep: e.step, how: 'cow-copy' });
}

function applyCowReuse(s: ViewState, e: EventOf<'cow-reuse'>, index: number): void {
  const m = s.mms.get(e.mm);
  if (!m) return;
  const old = m.pages.get(e.vpn);
  m.pages.set(e.vpn, { frame: e.frame, flags: writable(old?.flags ?? 'r'), changedAt: index, changedStep: e.step, how: 'cow-reuse' });
}

/** A shrinking brk unmaps the heap's pages from the new end (rounded up to a page) to the old one. */
function applyBrk(s: ViewState, e: EventOf<'brk'>, pageSize: number): void {
  if (e.to >= e.from) return;
  const m = s.mms.get(e.mm);
  if (!m) return;
  const first = Math.ceil(e.to / pageSize);
  const end = Math.ceil(e.from / pageSize);
  for (let vpn = first; vpn < end; vpn++) m.pages.delete(vpn);
}

/** A COW page after its write fault: writable, no longer copy-on-write. */
function writable(flags: string): string {
  const base = flags.replace('c', '').replace('w', '');
  return base.startsWith('r') ? 'rw' + base.slice(1) : 'rw' + base;
}

/** The child of a clone: a copy of the caller's place in the program (same pc, same line). */
function applyClone(s: ViewState, e: EventOf<'clone'>, index: number): void {
  const parent = s.tasks.get(e.pid);
  const t = newTask(e.child, e.childParent, e.command, e.mm, e.what, index);
  t.tgid = e.tgid;
  t.line = parent?.line ?? null;
  t.fn = parent?.fn ?? null;
  t.depth = parent?.depth ?? 0;
  s.tasks.set(e.child, t);
}

function applyExit(s: ViewState, e: EventOf<'exit'>): void {
  const t = taskFor(s, e.pid, 0);
  t.state = 'Z';
  t.blockedOn = null;
  t.exitCode = e.code;
  t.signal = e.signal;
  if (s.running === e.pid) s.running = null;
}

/** Applies one event to the state (the event at `index` of the trace). */
export function applyEvent(s: ViewState, e: TraceEvent, index: number): void {
  s.position = index + 1;
  s.step = e.step;
  if (e.line !== undefined && e.kind !== 'reap' && e.kind !== 'reparent') {
    const t = s.tasks.get(e.pid);
    if (t) t.line = e.line;
  }
  switch (e.kind) {
    case 'task-new': {
      const t = newTask(e.pid, e.ppid, e.command, e.mm, 'boot', index);
      // init and the shell exist without a program of their own: they sleep in wait() until a child exits
      if (e.state === 'S') {
        t.state = 'S';
        t.blockedOn = 'wait';
      }
      s.tasks.set(e.pid, t);
      break;
    }
    case 'clone':
      applyClone(s, e, index);
      break;
    case 'exec': {
      const t = taskFor(s, e.pid, index);
      t.command = e.program;
      t.mm = e.mm;
      break;
    }
    case 'exit':
      applyExit(s, e);
      break;
    case 'reparent': {
      const t = taskFor(s, e.pid, index);
      t.reparentedFrom = e.from;
      t.ppid = e.to;
      break;
    }
    case 'reap': {
      const t = taskFor(s, e.pid, index);
      t.state = 'X';
      t.reapedBy = e.by;
      break;
    }
    case 'switch': {
      // the task on the CPU is runnable, whatever it was waiting for before
      s.running = e.pid;
      const t = s.tasks.get(e.pid);
      if (t && t.state !== 'Z' && t.state !== 'X') {
        t.state = 'R';
        t.blockedOn = null;
      }
      break;
    }
    case 'block': {
      const t = taskFor(s, e.pid, index);
      if (t.state === 'Z' || t.state === 'X') break;
      t.blockedOn = e.on;
      t.state = letterForBlock(t.blockedOn);
      if (s.running === e.pid) s.running = null;
      break;
    }
    case 'stop': {
      const t = taskFor(s, e.pid, index);
      if (t.state !== 'Z' && t.state !== 'X') {
        t.state = 'T';
        t.blockedOn = 'stopped';
      }
      break;
    }
    case 'wake':
    case 'continue': {
      const t = taskFor(s, e.pid, index);
      if (t.state !== 'Z' && t.state !== 'X') {
        t.state = 'R';
        t.blockedOn = null;
      }
      break;
    }
    case 'line': {
      const t = taskFor(s, e.pid, index);
      t.fn = e.fn;
      t.depth = e.depth;
      break;
    }
    case 'mm-snapshot':
      applySnapshot(s, e, index);
      break;
    case 'mm-release':
      s.mms.delete(e.mm);
      break;
    case 'brk':
      applyBrk(s, e, s.pageSize);
      break;
    case 'fault':
      applyFault(s, e, index);
      break;
    case 'cow-copy':
      applyCowCopy(s, e, index);
      break;
    case 'cow-reuse':
      applyCowReuse(s, e, index);
      break;
    case 'output': {
      const text = e.text;
      const last = s.terminal[s.terminal.length - 1];
      if (last && last.pid === e.pid) s.terminal[s.terminal.length - 1] = { ...last, text: last.text + text };
      else s.terminal.push({ pid: e.pid, text, index });
      break;
    }
    case 'warning':
      s.warnings.push(index);
      break;
    case 'run-end':
      s.ended = e.reason;
      break;
  }
}

/** Reference count of each frame: how many live address spaces map it. */
export function frameRefs(s: ViewState): Map<number, number> {
  const refs = new Map<number, number>();
  for (const m of s.mms.values()) {
    const seen = new Set<number>();
    for (const p of m.pages.values()) {
      if (seen.has(p.frame)) continue;
      seen.add(p.frame);
      refs.set(p.frame, (refs.get(p.frame) ?? 0) + 1);
    }
  }
  return refs;
}
