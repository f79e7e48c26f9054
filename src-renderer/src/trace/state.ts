/**
 * The state of a run at one moment, rebuilt from trace events (docs/trace.md, format 2).
 * `applyEvent` is the only function that changes a ViewState; `cloneState` makes the keyframes.
 * Pure TypeScript: no Vue, no DOM.
 */
import type { TraceEvent } from '../lab/index.ts';

/** Linux's state letters (ps STAT): R runnable, S sleeping, D uninterruptible (vfork), T stopped, Z zombie; X = reaped. */
export type StateLetter = 'R' | 'S' | 'D' | 'T' | 'Z' | 'X';

export interface VarView {
  name: string;
  type: string;
  address: number;
  value: string;
  scope: string;
}

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
  line: number | null;
  fn: string | null;
  depth: number;
  vars: VarView[];
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
}

/** The state before the first event. */
export function emptyState(): ViewState {
  return { position: 0, step: 0, running: null, tasks: new Map(), mms: new Map(), terminal: [], warnings: [], ended: null };
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

function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function newTask(pid: number, ppid: number, command: string, mm: number | null, origin: string, at: number): TaskView {
  return {
    pid, ppid, reparentedFrom: null, tgid: pid, command, mm, state: 'R', blockedOn: null, exitCode: null, signal: null,
    reapedBy: null, origin, bornAt: at, line: null, fn: null, depth: 0, vars: [],
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

function applySnapshot(s: ViewState, e: TraceEvent, index: number): void {
  const id = num(e.mm);
  if (id === null) return;
  const m = mmFor(s, id);
  m.pages = new Map();
  const pages = Array.isArray(e.pages) ? (e.pages as [number, number, string][]) : [];
  const cowFrames = new Set<number>();
  for (const [vpn, frame, flags] of pages) {
    m.pages.set(vpn, { frame, flags: String(flags), changedAt: index, changedStep: e.step, how: 'snapshot' });
    if (String(flags).includes('c')) cowFrames.add(frame);
  }
  // one pass over the other address spaces for all the COW frames (not one pass per page)
  if (cowFrames.size > 0) markSharedCow(s, id, cowFrames, index, e.step);
  if (Array.isArray(e.segments)) m.segments = e.segments as SegmentView[];
}

function applyFault(s: ViewState, e: TraceEvent, index: number): void {
  const id = num(e.mm);
  const vpn = num(e.vpn);
  const frame = num(e.frame);
  if (id === null || vpn === null || frame === null || e.signal !== undefined) return;
  if (e.reason !== 'demand-zero') return;
  const m = mmFor(s, id);
  m.pages.set(vpn, { frame, flags: m.pages.get(vpn)?.flags ?? (e.write ? 'rw' : 'r'), changedAt: index, changedStep: e.step, how: 'demand-zero' });
}

function applyCowCopy(s: ViewState, e: TraceEvent, index: number): void {
  const id = num(e.mm);
  const vpn = num(e.vpn);
  const newFrame = num(e.newFrame);
  if (id === null || vpn === null || newFrame === null) return;
  const m = mmFor(s, id);
  const old = m.pages.get(vpn);
  const flags = writable(old?.flags ?? 'r');
  m.pages.set(vpn, { frame: newFrame, flags, changedAt: index, changedStep: e.step, how: 'cow-copy' });
}

function applyCowReuse(s: ViewState, e: TraceEvent, index: number): void {
  const id = num(e.mm);
  const vpn = num(e.vpn);
  if (id === null || vpn === null) return;
  const m = mmFor(s, id);
  const old = m.pages.get(vpn);
  const frame = num(e.frame) ?? old?.frame ?? 0;
  m.pages.set(vpn, { frame, flags: writable(old?.flags ?? 'r'), changedAt: index, changedStep: e.step, how: 'cow-reuse' });
}

/** A COW page after its write fault: writable, no longer copy-on-write. */
function writable(flags: string): string {
  const base = flags.replace('c', '').replace('w', '');
  return base.startsWith('r') ? 'rw' + base.slice(1) : 'rw' + base;
}

function applyClone(s: ViewState, e: TraceEvent, index: number): void {
  const child = num(e.child);
  if (child === null) return;
  const parent = s.tasks.get(e.pid);
  const ppid = num(e.childParent) ?? e.pid;
  const t = newTask(child, ppid, str(e.command) ?? parent?.command ?? '?', num(e.mm) ?? parent?.mm ?? null, str(e.what) ?? 'fork', index);
  t.tgid = num(e.tgid) ?? child;
  t.line = parent?.line ?? null;
  t.fn = parent?.fn ?? null;
  t.vars = parent?.vars ?? [];
  s.tasks.set(child, t);
}

function applyExit(s: ViewState, e: TraceEvent): void {
  const t = taskFor(s, e.pid, 0);
  t.state = 'Z';
  t.blockedOn = null;
  t.exitCode = num(e.code);
  t.signal = e.signal === null || e.signal === undefined ? null : String(e.signal);
  if (s.running === e.pid) s.running = null;
}

/** Applies one event to the state (the event at `index` of the trace). */
export function applyEvent(s: ViewState, e: TraceEvent, index: number): void {
  s.position = index + 1;
  s.step = e.step;
  const line = num(e.line);
  if (line !== null && e.kind !== 'reap' && e.kind !== 'reparent') {
    const t = s.tasks.get(e.pid);
    if (t) t.line = line;
  }
  switch (e.kind) {
    case 'task-new': {
      const t = newTask(e.pid, num(e.ppid) ?? 0, str(e.command) ?? '?', num(e.mm), 'boot', index);
      // init and the shell exist without a program of their own: they sleep in wait() until a child exits
      if (t.mm === null) {
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
      t.command = str(e.program) ?? t.command;
      const mm = num(e.mm);
      if (mm !== null) t.mm = mm;
      t.vars = [];
      break;
    }
    case 'exit':
      applyExit(s, e);
      break;
    case 'reparent': {
      const t = taskFor(s, e.pid, index);
      t.reparentedFrom = num(e.from) ?? t.ppid;
      t.ppid = num(e.to) ?? t.ppid;
      break;
    }
    case 'reap': {
      const t = taskFor(s, e.pid, index);
      t.state = 'X';
      t.reapedBy = num(e.by);
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
      t.blockedOn = str(e.on);
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
      t.fn = str(e.fn);
      t.depth = num(e.depth) ?? 0;
      t.vars = Array.isArray(e.vars) ? (e.vars as VarView[]) : [];
      break;
    }
    case 'mm-snapshot':
      applySnapshot(s, e, index);
      break;
    case 'mm-release': {
      const id = num(e.mm);
      if (id !== null) s.mms.delete(id);
      break;
    }
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
      const text = str(e.text) ?? '';
      const last = s.terminal[s.terminal.length - 1];
      if (last && last.pid === e.pid) s.terminal[s.terminal.length - 1] = { ...last, text: last.text + text };
      else s.terminal.push({ pid: e.pid, text, index });
      break;
    }
    case 'warning':
      s.warnings.push(index);
      break;
    case 'run-end':
      s.ended = str(e.reason) ?? 'ended';
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
