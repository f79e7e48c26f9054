/**
 * The trace: what happened during a run, as a list of small events (not snapshots).
 * Every event carries the step (global instruction count), the simulated time and the task.
 * The format is versioned (TRACE_VERSION) and documented, event by event, in docs/trace.md: the
 * viewer, the grader and exports read it, so a change of an event's fields changes that document.
 */

export const TRACE_VERSION = 2;

export interface TraceEvent {
  /** global step count when it happened */
  step: number;
  /** simulated time in nanoseconds */
  time: number;
  /** pid (tid) of the task it concerns */
  pid: number;
  kind: string;
  /** source line in the task's program, when known */
  line?: number;
  /** kind-specific details */
  [key: string]: unknown;
}

export class Trace {
  readonly events: TraceEvent[] = [];
  /** the most events a run keeps; later ones are counted but dropped */
  constructor(readonly limit = 2_000_000) {}
  dropped = 0;

  /** Keeps `event`, or counts it as dropped once the trace holds `limit` events. */
  add(event: TraceEvent): void {
    if (this.events.length < this.limit) this.events.push(event);
    else this.dropped++;
  }

  /** True when another event would be kept (callers may skip building one that would not). */
  get full(): boolean {
    return this.events.length >= this.limit;
  }
}
