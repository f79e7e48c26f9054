/**
 * Finding the trace event that explains a result: the exit of a process, the output event that
 * holds a given character of the terminal text, the n-th event of a kind.
 */
import type { TraceEvent } from '../kernel/trace.ts';
import type { RunResult } from '../vm/run.ts';
import { NO_LINK, type Link } from './types.ts';

/** The link to one event (its step, pid and line). */
export function linkTo(event: TraceEvent | undefined | null): Link {
  if (!event) return NO_LINK;
  return { step: event.step, pid: event.pid, line: typeof event.line === 'number' ? event.line : null };
}

/** The exit event of `pid` (the last one: a process exits once). */
export function exitEvent(result: RunResult, pid: number): TraceEvent | undefined {
  for (let i = result.trace.length - 1; i >= 0; i--) {
    const e = result.trace[i];
    if (e.kind === 'exit' && e.pid === pid) return e;
  }
  return undefined;
}

/** The n-th (1-based) event matching `match`, or undefined. */
export function nthEvent(result: RunResult, n: number, match: (e: TraceEvent) => boolean): TraceEvent | undefined {
  let seen = 0;
  for (const e of result.trace) if (match(e) && ++seen === n) return e;
  return undefined;
}

/** The output event that wrote character `index` of the terminal text (the last one when past the end). */
export function outputEventAt(result: RunResult, index: number): TraceEvent | undefined {
  let offset = 0;
  let last: TraceEvent | undefined;
  for (const e of result.trace) {
    if (e.kind !== 'output') continue;
    const length = typeof e.text === 'string' ? e.text.length : 0;
    last = e;
    if (index < offset + length) return e;
    offset += length;
  }
  return last;
}

/** Where the run ended: the first process's exit, else the last event. */
export function endLink(result: RunResult): Link {
  const first = result.processes[0];
  const exit = first ? exitEvent(result, first.pid) : undefined;
  if (exit) return linkTo(exit);
  return linkTo(result.trace[result.trace.length - 1]);
}
