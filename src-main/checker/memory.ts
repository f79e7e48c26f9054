/**
 * The `memory` check: the model's counters (pages copied, copy-on-write faults, frames at peak)
 * within ranges, and eager fork against COW (the same program run with `forkCopy: eager` copies
 * more than N pages more). Partial credit: the share of conditions met. The link points at the
 * write that copied one page too many (a `cow-copy` event), or at the fault.
 */
import type { TraceEvent } from '../kernel/trace.ts';
import type { CheckFields, Range } from '../packs/types.ts';
import type { RunResult } from '../vm/run.ts';
import { runProblem } from './runs.ts';
import { endLink, linkTo, nthEvent } from './trace-links.ts';
import type { EvalContext, Link, Outcome } from './types.ts';

interface Condition {
  ok: boolean;
  detail: string;
  link?: Link;
}

function inRange(value: number, range: Range): boolean {
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}

function rangeText(range: Range): string {
  if (range.min !== undefined && range.max !== undefined) return range.min === range.max ? `${range.min}` : `${range.min} to ${range.max}`;
  return range.min !== undefined ? `at least ${range.min}` : `at most ${range.max}`;
}

/** The event that pushed a counter past `range.max`: the (max+1)-th event matching `match`. */
function excessLink(result: RunResult, range: Range, value: number, match: (e: TraceEvent) => boolean): Link | undefined {
  if (range.max === undefined || value <= range.max) return undefined;
  const e = nthEvent(result, range.max + 1, match);
  return e ? linkTo(e) : undefined;
}

/** The step where the frames in use reached their peak (from frame-alloc / frame-free events). */
function framesPeakLink(result: RunResult): Link | undefined {
  let live = 0;
  let best = -1;
  let at: TraceEvent | undefined;
  for (const e of result.trace) {
    if (e.kind === 'frame-alloc') live++;
    else if (e.kind === 'frame-free') live--;
    else continue;
    if (live > best) {
      best = live;
      at = e;
    }
  }
  return at ? linkTo(at) : undefined;
}

/** Grades the counters of `result` (and, for eagerCopiesMoreThan, an eager-fork run). */
export function evaluateMemory(check: CheckFields, result: RunResult, ctx: EvalContext): Outcome {
  const s = result.stats;
  const conditions: Condition[] = [];
  const isCowCopy = (e: TraceEvent): boolean => e.kind === 'cow-copy';
  const isCowFault = (e: TraceEvent): boolean => e.kind === 'fault' && e.reason === 'cow';
  if (check.pagesCopied) {
    const ok = inRange(s.pagesCopied, check.pagesCopied);
    conditions.push({
      ok,
      detail: `${s.pagesCopied} page${s.pagesCopied === 1 ? ' was' : 's were'} copied${!ok && ctx.reveal ? ` (expected ${rangeText(check.pagesCopied)})` : ''}`,
      link: excessLink(result, check.pagesCopied, s.pagesCopied, isCowCopy),
    });
  }
  if (check.cowFaults) {
    const ok = inRange(s.cowFaults, check.cowFaults);
    conditions.push({
      ok,
      detail: `${s.cowFaults} copy-on-write fault${s.cowFaults === 1 ? '' : 's'}${!ok && ctx.reveal ? ` (expected ${rangeText(check.cowFaults)})` : ''}`,
      link: excessLink(result, check.cowFaults, s.cowFaults, isCowFault),
    });
  }
  if (check.framesPeak) {
    const ok = inRange(s.framesPeak, check.framesPeak);
    conditions.push({
      ok,
      detail: `at the busiest moment ${s.framesPeak} physical frame${s.framesPeak === 1 ? ' was' : 's were'} in use${!ok && ctx.reveal ? ` (expected ${rangeText(check.framesPeak)})` : ''}`,
      link: ok ? undefined : framesPeakLink(result),
    });
  }
  if (check.eagerCopiesMoreThan !== undefined) {
    const eager = ctx.run({ ...check.run, forkCopy: 'eager' });
    const problem = runProblem(eager);
    if (problem) {
      conditions.push({ ok: false, detail: `with eager fork, ${problem}` });
    } else {
      const more = eager.stats.pagesCopied - s.pagesCopied;
      const ok = more > check.eagerCopiesMoreThan;
      conditions.push({
        ok,
        detail: `eager fork copies ${eager.stats.pagesCopied} pages, copy-on-write ${s.pagesCopied}: ${more} more${
          !ok && ctx.reveal ? ` (expected more than ${check.eagerCopiesMoreThan} more)` : ''
        }`,
      });
    }
  }
  const good = conditions.filter((c) => c.ok).length;
  const failed = conditions.filter((c) => !c.ok);
  const link = failed.find((c) => c.link)?.link ?? (nthEvent(result, 1, isCowCopy) ? linkTo(nthEvent(result, 1, isCowCopy)) : endLink(result));
  return {
    passed: failed.length === 0,
    fraction: conditions.length > 0 ? good / conditions.length : 0,
    detail: conditions.map((c) => c.detail).join('; '),
    link,
  };
}
