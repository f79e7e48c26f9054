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

function markerFor(e: TraceEvent): { kind: MarkerKind; label: string } | null {
  switch (e.kind) {
    case 'clone':
      return { kind: 'fork', label: `${String(e.what ?? 'fork')} → ${String(e.child)}` };
    case 'exec':
      return { kind: 'exec', label: `exec ${String(e.program ?? '')}` };
    case 'exit':
      return { kind: 'exit', label: e.signal ? `killed by ${String(e.signal)}` : `exit ${String(e.code)}` };
    case 'syscall':
      return typeof e.name === 'string' && e.name.startsWith('wait') ? { kind: 'wait', label: `${e.name} → ${String(e.result)}` } : null;
    case 'signal-deliver':
      return { kind: 'signal', label: `signal ${String(e.signal)}` };
    case 'fault':
    case 'cow-copy':
      return { kind: 'fault', label: e.kind === 'cow-copy' ? `COW copy of the page at ${hex(e.address)}` : `page fault (${String(e.reason ?? '')})` };
    case 'warning':
      return { kind: 'warning', label: String(e.warningKind ?? 'warning') };
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
