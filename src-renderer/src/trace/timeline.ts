/**
 * Timeline lanes: for each task, the spans of steps it spent running, ready, blocked or as a
 * zombie, and markers for fork, exec, exit, wait, signals and faults. Computed once per trace.
 */
import type { TraceEvent } from '../lab/index.ts';
import { hex } from './log.ts';

export type SpanKind = 'running' | 'ready' | 'blocked' | 'zombie';

export interface Span {
  kind: SpanKind;
  from: number;
  to: number;
  /** what a blocked task waits on */
  on?: string;
}

export type MarkerKind = 'fork' | 'exec' | 'exit' | 'wait' | 'signal' | 'fault' | 'warning';

export interface Marker {
  kind: MarkerKind;
  /** an exit by a signal (drawn red, never like a normal exit) */
  killed?: boolean;
  step: number;
  /** the trace index (to jump to it) */
  index: number;
  label: string;
}

export interface Lane {
  pid: number;
  command: string;
  spans: Span[];
  markers: Marker[];
}

export interface Timeline {
  lanes: Lane[];
  lastStep: number;
}

interface Open {
  lane: Lane;
  kind: SpanKind | null;
  since: number;
  on?: string;
}

/** What each mark means, in the order the legend lists them. */
export const MARKER_MEANINGS: { kind: MarkerKind; meaning: string }[] = [
  { kind: 'fork', meaning: 'fork, vfork or clone: a new task' },
  { kind: 'exec', meaning: 'exec: a new program' },
  { kind: 'exit', meaning: 'exit (red and thick: killed by a signal)' },
  { kind: 'wait', meaning: 'wait returned' },
  { kind: 'signal', meaning: 'a signal acted' },
  { kind: 'fault', meaning: 'page fault or copy-on-write copy' },
  { kind: 'warning', meaning: 'a warning' },
];

function markerFor(e: TraceEvent): { kind: MarkerKind; label: string; killed?: boolean } | null {
  switch (e.kind) {
    case 'clone':
      return { kind: 'fork', label: `${String(e.what ?? 'fork')} → ${String(e.child)}` };
    case 'exec':
      return { kind: 'exec', label: `exec ${String(e.program ?? '')}` };
    case 'exit':
      return e.signal ? { kind: 'exit', label: `killed by ${String(e.signal)}`, killed: true } : { kind: 'exit', label: `exit ${String(e.code)}` };
    case 'syscall':
      return typeof e.name === 'string' && e.name.startsWith('wait') ? { kind: 'wait', label: `${e.name} → ${String(e.result)}` } : null;
    case 'signal-deliver':
      return { kind: 'signal', label: `signal ${String(e.signal)}` };
    case 'fault':
    case 'cow-copy':
      return { kind: 'fault', label: e.kind === 'cow-copy' ? `COW copy of the page at ${hex(e.address)}` : `page fault (${String(e.reason ?? '')})` };
    case 'warning':
      return { kind: 'warning', label: `warning: ${String(e.message ?? e.warningKind ?? '')}` };
    default:
      return null;
  }
}

/** Builds the lanes of a whole trace. */
export function buildTimeline(events: readonly TraceEvent[]): Timeline {
  const open = new Map<number, Open>();
  const lanes: Lane[] = [];
  let running: number | null = null;
  const lastStep = events.length ? events[events.length - 1]!.step : 0;

  const laneOf = (pid: number, command: string, step: number): Open => {
    let o = open.get(pid);
    if (!o) {
      const lane: Lane = { pid, command, spans: [], markers: [] };
      lanes.push(lane);
      o = { lane, kind: null, since: step };
      open.set(pid, o);
      setKind(o, 'ready', step);
    }
    return o;
  };
  const setKind = (o: Open, kind: SpanKind | null, step: number, on?: string) => {
    if (o.kind === kind && o.on === on) return;
    if (o.kind !== null && step > o.since) o.lane.spans.push({ kind: o.kind, from: o.since, to: step, on: o.on });
    o.kind = kind;
    o.on = on;
    o.since = step;
  };

  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    // the bulk of a long run (its output and its writes) neither marks nor changes a lane
    if ((e.kind === 'output' || e.kind === 'line' || (e.kind === 'syscall' && !e.name.startsWith('wait'))) && open.has(e.pid)) continue;
    const o = laneOf(e.pid, e.kind === 'task-new' || e.kind === 'clone' ? e.command : '?', e.step);
    const marker = markerFor(e);
    if (marker) o.lane.markers.push({ ...marker, step: e.step, index: i });
    switch (e.kind) {
      case 'task-new':
        // init and the shell (no address space of their own) sleep in wait() until a child exits
        if (e.mm === null || e.mm === undefined) setKind(o, 'blocked', e.step, 'wait');
        break;
      case 'clone': {
        const child = laneOf(Number(e.child), typeof e.command === 'string' ? e.command : o.lane.command, e.step);
        child.lane.command = typeof e.command === 'string' ? e.command : o.lane.command;
        break;
      }
      case 'exec':
        if (typeof e.program === 'string') o.lane.command = e.program;
        break;
      case 'switch': {
        if (running !== null && running !== e.pid) {
          const prev = open.get(running);
          if (prev && prev.kind === 'running') setKind(prev, 'ready', e.step);
        }
        running = e.pid;
        setKind(o, 'running', e.step);
        break;
      }
      case 'block':
        setKind(o, 'blocked', e.step, typeof e.on === 'string' ? e.on : undefined);
        if (running === e.pid) running = null;
        break;
      case 'stop':
        setKind(o, 'blocked', e.step, 'stopped');
        break;
      case 'wake':
      case 'continue':
        if (o.kind === 'blocked') setKind(o, 'ready', e.step);
        break;
      case 'exit':
        setKind(o, 'zombie', e.step);
        if (running === e.pid) running = null;
        break;
      case 'reap':
        setKind(o, null, e.step);
        break;
    }
  }
  for (const o of open.values()) setKind(o, null, lastStep + 1);
  return { lanes, lastStep };
}

/** The arrow keys the timeline's marks answer to. */
export type MarkerKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

/**
 * The mark the keyboard moves to from mark `m` of lane `lane`: Left/Right the previous/next mark of
 * the lane, Up/Down the mark nearest in time in the nearest lane above/below that has marks,
 * Home/End the lane's first/last mark. The same place when there is nowhere to go.
 */
export function neighbourMarker(lanes: readonly Lane[], lane: number, m: number, key: MarkerKey): { lane: number; marker: number } {
  const here = lanes[lane]?.markers[m];
  if (!here) return { lane, marker: m };
  const count = lanes[lane]!.markers.length;
  switch (key) {
    case 'ArrowLeft':
      return { lane, marker: Math.max(0, m - 1) };
    case 'ArrowRight':
      return { lane, marker: Math.min(count - 1, m + 1) };
    case 'Home':
      return { lane, marker: 0 };
    case 'End':
      return { lane, marker: count - 1 };
    case 'ArrowUp':
    case 'ArrowDown': {
      const dir = key === 'ArrowDown' ? 1 : -1;
      for (let l = lane + dir; l >= 0 && l < lanes.length; l += dir) {
        const ms = lanes[l]!.markers;
        if (ms.length === 0) continue;
        let best = 0;
        for (let i = 1; i < ms.length; i++) if (Math.abs(ms[i]!.step - here.step) < Math.abs(ms[best]!.step - here.step)) best = i;
        return { lane: l, marker: best };
      }
      return { lane, marker: m };
    }
  }
}
