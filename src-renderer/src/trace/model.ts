/**
 * TraceModel: reaches the state at any position of a trace fast (keyframes every KEYFRAME_EVERY
 * events, then replay), and finds where stepping commands go. A position is the number of
 * events applied: 0 is before the first event, events.length after the last.
 */
import type { TraceEvent } from '../lab/index.ts';
import { applyEvent, cloneState, emptyState, type ViewState } from './state.ts';

export const KEYFRAME_EVERY = 256;

/** Events that complete the one before them at the same step (shown together after a jump). */
const SETTLES = new Set(['mm-snapshot', 'frame-alloc', 'frame-free', 'syscall', 'fault', 'cow-copy', 'cow-reuse']);

/** The places one can jump to: the next (or previous) event of that sort. */
export type JumpKind = 'fork' | 'exec' | 'exit' | 'fault' | 'warning';

/** Whether an event is of the sort `kind` names. */
export function isJumpTarget(e: TraceEvent, kind: JumpKind): boolean {
  switch (kind) {
    case 'fork':
      return e.kind === 'clone';
    case 'exec':
      return e.kind === 'exec' || e.kind === 'exec-failed';
    case 'exit':
      return e.kind === 'exit';
    case 'fault':
      return e.kind === 'fault' || e.kind === 'cow-copy' || e.kind === 'cow-reuse';
    case 'warning':
      return e.kind === 'warning';
  }
}

/** A kernel event: anything but the detail mode's line events. */
export function isKernelEvent(e: TraceEvent): boolean {
  return e.kind !== 'line' && e.kind !== 'detail-limit';
}

export class TraceModel {
  private readonly keyframes: ViewState[] = [];
  private live: ViewState;

  /** `pageSize`: the run's page size (RunView.options.pageSize, 4096 when absent). */
  constructor(readonly events: readonly TraceEvent[], pageSize = 4096) {
    let s = emptyState(pageSize);
    this.keyframes.push(cloneState(s));
    for (let i = 0; i < events.length; i++) {
      applyEvent(s, events[i]!, i);
      if ((i + 1) % KEYFRAME_EVERY === 0) this.keyframes.push(cloneState(s));
    }
    this.live = s;
  }

  /** The number of events (the last position). */
  get length(): number {
    return this.events.length;
  }

  /** The state after `position` events. The object is owned by the model: read it, do not keep it across calls. */
  stateAt(position: number): ViewState {
    const p = Math.max(0, Math.min(this.events.length, Math.floor(position)));
    if (p < this.live.position || p - this.live.position > KEYFRAME_EVERY) {
      this.live = cloneState(this.keyframes[Math.floor(p / KEYFRAME_EVERY)]!);
    }
    for (let i = this.live.position; i < p; i++) applyEvent(this.live, this.events[i]!, i);
    return this.live;
  }

  /** A state the caller may keep (a copy). */
  snapshotAt(position: number): ViewState {
    return cloneState(this.stateAt(position));
  }

  /** Position just after the next event matching `test` that lies after `from`; `from` when none. */
  nextWhere(from: number, test: (e: TraceEvent) => boolean): number {
    for (let i = from; i < this.events.length; i++) if (test(this.events[i]!)) return i + 1;
    return from;
  }

  /** Position just after the previous event matching `test` that lies before `from`; 0 when none. */
  prevWhere(from: number, test: (e: TraceEvent) => boolean): number {
    for (let i = from - 2; i >= 0; i--) if (test(this.events[i]!)) return i + 1;
    return 0;
  }

  /** Forward one instruction step: after every event of the next step number. */
  nextStep(from: number): number {
    if (from >= this.events.length) return from;
    const step = this.events[from]!.step;
    let i = from;
    while (i < this.events.length && this.events[i]!.step === step) i++;
    return i;
  }

  /** Back one instruction step: after every event of the previous step number (0 at the start). */
  prevStep(from: number): number {
    if (from <= 0) return 0;
    const current = this.events[from - 1]!.step;
    let i = from - 1;
    while (i > 0 && this.events[i - 1]!.step === current) i--;
    return i;
  }

  /** Forward to the next source line (of `pid`, or of any task). */
  nextLine(from: number, pid?: number): number {
    return this.nextWhere(from, (e) => e.kind === 'line' && (pid === undefined || e.pid === pid));
  }

  /** Back to the previous source line (of `pid`, or of any task). */
  prevLine(from: number, pid?: number): number {
    return this.prevWhere(from, (e) => e.kind === 'line' && (pid === undefined || e.pid === pid));
  }

  /** Forward past the next kernel event (line events skipped). */
  nextKernelEvent(from: number): number {
    return this.nextWhere(from, isKernelEvent);
  }

  /** Back to just after the previous kernel event (0 when none). */
  prevKernelEvent(from: number): number {
    return this.prevWhere(from, isKernelEvent);
  }

  /** Forward to the next fork, exec, exit, fault or warning, with the bookkeeping of its step; `from` when none. */
  nextOf(from: number, kind: JumpKind): number {
    const p = this.nextWhere(from, (e) => isJumpTarget(e, kind));
    return p === from ? from : this.settle(p);
  }

  /** Back to the previous fork, exec, exit, fault or warning (0 when none). */
  prevOf(from: number, kind: JumpKind): number {
    let p = from;
    // skip back over the bookkeeping `settle` added after the current target
    while (p > 0 && SETTLES.has(this.events[p - 1]!.kind) && !isJumpTarget(this.events[p - 1]!, kind)) p--;
    const q = this.prevWhere(p, (e) => isJumpTarget(e, kind));
    return q === 0 ? 0 : this.settle(q);
  }

  /** Moves past the bookkeeping a jump target brings at the same step (the child's page table after a fork). */
  settle(position: number): number {
    let p = position;
    const step = this.events[p - 1]?.step;
    while (p < this.events.length && this.events[p]!.step === step && SETTLES.has(this.events[p]!.kind)) p++;
    return p;
  }

  /** The position that shows the state right after the first event at or after `step` (for links to a step). */
  positionOfStep(step: number, pid?: number | null): number {
    let fallback = -1;
    for (let i = 0; i < this.events.length; i++) {
      const e = this.events[i]!;
      if (e.step < step) continue;
      if (fallback < 0) fallback = i;
      if (e.step > step) break;
      if (pid === undefined || pid === null || e.pid === pid) return i + 1;
    }
    return fallback < 0 ? this.events.length : fallback + 1;
  }
}
