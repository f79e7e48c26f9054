/**
 * The trace: what happened during a run, as a list of small events (not snapshots).
 * Every event carries the step (global instruction count), the simulated time and the task.
 * The format is versioned (TRACE_VERSION); event kinds are listed where they are emitted.
 */

export const TRACE_VERSION = 1;

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

  add(event: TraceEvent): void {
    if (this.events.length < this.limit) this.events.push(event);
    else this.dropped++;
  }
}
