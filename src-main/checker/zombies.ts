/**
 * The `zombies` check, read from the trace. A zombie is a process of the program (not the program
 * itself, which its shell reaps) that exited and was not reaped yet. `peak`: the most at once.
 * `atEnd`: the zombies the program leaves behind: each process still a zombie when its parent
 * ended (init reaps those at once, so the run's own end never shows them) or when the run
 * stopped. `at` with `min` / `max`: how many zombies exist at the end (as `atEnd` counts them)
 * or when the N-th call of a function returns.
 */
import type { TraceEvent } from '../kernel/trace.ts';
import type { CheckFields, RunPoint } from '../packs/types.ts';
import type { RunResult } from '../vm/run.ts';
import { processTree } from './process-tree.ts';
import { endLink, exitEvent, linkTo } from './trace-links.ts';
import type { EvalContext, Link, Outcome } from './types.ts';

/** What the trace says about the program's zombies. */
interface ZombieFacts {
  /** the most zombies at once */
  peak: number;
  /** the exit event that made more than `max` zombies exist at once */
  exceeding(max: number): TraceEvent | undefined;
  /** processes left as zombies (see the file's comment), in the order they were left */
  left: number[];
  /** the zombies when an event of the trace happened: `countAt(i)` for the i-th event */
  countAt(index: number): number;
}

/** Walks the trace once, keeping the zombies of the program and each process's current parent. */
export function zombieFacts(result: RunResult): ZombieFacts {
  const { root, all } = processTree(result);
  const parentOf = new Map(all.map((n) => [n.pid, n.parent]));
  const zombies = new Set<number>();
  const left: number[] = [];
  const counts: number[] = [];
  const exits: { event: TraceEvent; count: number }[] = [];
  for (const e of result.trace) {
    if (e.kind === 'exit' && parentOf.has(e.pid)) {
      for (const z of zombies) if (parentOf.get(z) === e.pid && !left.includes(z)) left.push(z);
      if (e.pid !== root?.pid) zombies.add(e.pid);
      exits.push({ event: e, count: zombies.size });
    } else if (e.kind === 'reparent' && parentOf.has(e.pid)) parentOf.set(e.pid, Number(e.to));
    else if (e.kind === 'reap') zombies.delete(e.pid);
    counts.push(zombies.size);
  }
  for (const z of zombies) if (!left.includes(z)) left.push(z);
  return {
    peak: Math.max(0, ...counts),
    exceeding: (max) => exits.find((x) => x.count > max)?.event,
    left,
    countAt: (i) => counts[i] ?? 0,
  };
}

/** `zombies`: `atEnd` and `peak` (maxima), `at` with `min` / `max`; partial credit by conditions met. */
export function evaluateZombies(check: CheckFields, result: RunResult, ctx: EvalContext): Outcome {
  const facts = zombieFacts(result);
  const conditions: { ok: boolean; detail: string; link: Link }[] = [];
  if (check.atEnd !== undefined) conditions.push(leftCondition(facts, result, check.atEnd, ctx.reveal));
  if (check.peak !== undefined) {
    const ok = facts.peak <= check.peak;
    const n = facts.peak;
    const detail = ok ? `at most ${n} zombie${n === 1 ? '' : 's'} existed at the same time` : `${n} zombie${n === 1 ? '' : 's'} existed at the same time${ctx.reveal ? `, at most ${check.peak} allowed` : ''}`;
    const over = facts.exceeding(check.peak);
    conditions.push({ ok, detail, link: over ? linkTo(over) : endLink(result) });
  }
  if (check.at !== undefined) conditions.push(pointCondition(check, check.at, facts, result, ctx.reveal));
  const failed = conditions.filter((c) => !c.ok);
  if (failed.length === 0) {
    return { passed: true, fraction: 1, detail: conditions.map((c) => c.detail).join('; '), link: conditions[0]?.link ?? endLink(result) };
  }
  return { passed: false, fraction: (conditions.length - failed.length) / conditions.length, detail: failed.map((c) => c.detail).join('; '), link: failed[0].link };
}

/** `atEnd`: no more than `max` zombies left behind. */
function leftCondition(facts: ZombieFacts, result: RunResult, max: number, reveal: boolean): { ok: boolean; detail: string; link: Link } {
  const n = facts.left.length;
  if (n <= max) return { ok: true, detail: n === 0 ? 'the program leaves no zombie behind' : `the program leaves ${n} zombie${n === 1 ? '' : 's'} behind`, link: endLink(result) };
  const pids = facts.left.join(', ');
  const detail = `${n} zombie${n === 1 ? ' is' : 's are'} left behind (process${n === 1 ? '' : 'es'} ${pids}: exited, and never waited for by ${n === 1 ? 'its' : 'their'} parent)${reveal ? `; at most ${max} allowed` : ''}`;
  return { ok: false, detail, link: linkTo(exitEvent(result, facts.left[0])) };
}

/** `at`: the zombies at a point of the run, between `min` and `max`. */
function pointCondition(check: CheckFields, at: RunPoint, facts: ZombieFacts, result: RunResult, reveal: boolean): { ok: boolean; detail: string; link: Link } {
  const point = findPoint(at, result);
  if (point === null) {
    const call = at === 'end' ? '' : at.call;
    const nth = at === 'end' ? 1 : at.nth ?? 1;
    return { ok: false, detail: nth === 1 ? `the program never calls ${call}` : `the program calls ${call} fewer than ${nth} times`, link: endLink(result) };
  }
  const count = at === 'end' ? facts.left.length : facts.countAt(point.index);
  const ok = (check.min === undefined || count >= check.min) && (check.max === undefined || count <= check.max);
  const when = at === 'end' ? 'when the program ends' : `when ${describeCall(at)} returns`;
  const zombies = count === 0 ? 'there is no zombie' : `there ${count === 1 ? 'is 1 zombie' : `are ${count} zombies`}`;
  const want = check.min !== undefined && check.max !== undefined ? (check.min === check.max ? `${check.min}` : `${check.min} to ${check.max}`) : check.min !== undefined ? `at least ${check.min}` : `at most ${check.max}`;
  return { ok, detail: `${when}, ${zombies}${!ok && reveal ? ` (expected ${want})` : ''}`, link: point.event ? linkTo(point.event) : endLink(result) };
}

/** "sleep", "the 2nd sleep" */
function describeCall(at: { call: string; nth?: number }): string {
  const n = at.nth ?? 1;
  if (n === 1) return at.call;
  const suffix = n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th';
  return `the ${n}${suffix} ${at.call}`;
}

/** The trace event of the point (its index), or null when the call never returns that many times. */
function findPoint(at: RunPoint, result: RunResult): { index: number; event: TraceEvent | undefined } | null {
  if (at === 'end') return { index: result.trace.length - 1, event: undefined };
  let seen = 0;
  for (let i = 0; i < result.trace.length; i++) {
    const e = result.trace[i];
    if (e.kind === 'syscall' && e.name === at.call && ++seen === (at.nth ?? 1)) return { index: i, event: e };
  }
  return null;
}
