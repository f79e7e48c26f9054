/**
 * Process facts: how the processes ended (`exit`), how many processes the program made and how
 * many were alive at once (`processes`), the tree's shape (`tree`), and orphans and who reaped
 * them (`orphans`); zombies are zombies.ts. Each links to the event that decides it: the exit,
 * the clone that made one process too many, the orphan's reparenting.
 */
import type { TraceEvent } from '../kernel/trace.ts';
import type { CheckFields, Range } from '../packs/types.ts';
import type { RunResult } from '../vm/run.ts';
import { firstShapeDifference, formatShape, processTree, shapeOf } from './process-tree.ts';
import { crashNote } from './runs.ts';
import { endLink, exitEvent, linkTo } from './trace-links.ts';
import { NO_LINK, type EvalContext, type Outcome } from './types.ts';

const pass = (detail: string, link = NO_LINK): Outcome => ({ passed: true, fraction: 1, detail, link });
const fail = (detail: string, link: Outcome['link']): Outcome => ({ passed: false, fraction: 0, detail, link });

/** How a process ended, as its report says. */
interface Ending {
  pid: number;
  code: number | null;
  signal: string | null;
}

function describeEnding(e: Ending): string {
  if (e.signal) return `was killed by ${e.signal}`;
  return e.code === null ? 'had not ended' : `ended with exit status ${e.code}`;
}

/** Whether an ending is what the check asks: `code` (and not killed), and/or `signal`. */
function endsAsExpected(check: CheckFields, e: Ending): boolean {
  const okCode = check.code === undefined || (e.signal === null && e.code === check.code);
  const okSignal = check.signal === undefined ? e.signal === null || check.code === undefined : e.signal === check.signal;
  return okCode && okSignal;
}

/** The processes an exit check reads: the first (default), every one, or the N-th created. */
function endingsChecked(check: CheckFields, result: RunResult): Ending[] | string {
  const of = check.process ?? 'first';
  if (of === 'first') return [{ pid: result.processes[0]?.pid ?? 0, code: result.exit.signal ? null : result.exit.code, signal: result.exit.signal }];
  const pids = processTree(result).all.map((n) => n.pid);
  const chosen = of === 'every' ? pids : pids[of - 1] === undefined ? [] : [pids[of - 1]];
  if (chosen.length === 0) return `the program made ${pids.length} process${pids.length === 1 ? '' : 'es'}, so there is no process number ${of}`;
  return chosen.map((pid) => {
    const p = result.processes.find((r) => r.pid === pid);
    return { pid, code: p?.exitCode ?? null, signal: p?.signal ?? null };
  });
}

/** `exit`: the first process (or every one, or the N-th) ended with `code` and/or by `signal`. */
export function evaluateExit(check: CheckFields, result: RunResult, ctx: EvalContext): Outcome {
  const endings = endingsChecked(check, result);
  if (typeof endings === 'string') return fail(endings, endLink(result));
  const wrong = endings.find((e) => !endsAsExpected(check, e));
  const want = check.signal ? `killed by ${check.signal}` : `exit status ${check.code}`;
  const first = (check.process ?? 'first') === 'first';
  if (!wrong) {
    const link = linkTo(exitEvent(result, endings[endings.length - 1].pid));
    const detail = first ? `the program ${describeEnding(endings[0])}, as expected` : endings.length === 1 ? `process ${endings[0].pid} ${describeEnding(endings[0])}, as expected` : `all ${endings.length} processes ended as expected (${want})`;
    return pass(detail, link.step !== null ? link : endLink(result));
  }
  const who = first ? 'the program' : `process ${wrong.pid}${wrong.pid === result.processes[0]?.pid ? ' (the program itself)' : ''}`;
  let detail = `${who} ${describeEnding(wrong)}${ctx.reveal ? `; expected: ${want}` : ''}`;
  const crash = crashNote(result);
  if (first && crash && !check.signal) detail += ` (${crash})`;
  const link = linkTo(exitEvent(result, wrong.pid));
  return fail(detail, link.step !== null ? link : endLink(result));
}

/** The program's processes, the first included, threads and execs not counted. */
export function countProcesses(result: RunResult): { count: number; creations: TraceEvent[] } {
  const { all } = processTree(result);
  return { count: all.length, creations: all.map((n) => n.created).filter((e): e is TraceEvent => e !== null) };
}

/** The most processes of the program alive at once (created, not yet exited), and the event that made that many. */
export function aliveAtOnce(result: RunResult): { peak: number; at: TraceEvent | undefined } {
  const { root, all } = processTree(result);
  const processes = new Set(all.map((n) => n.pid));
  const alive = new Set<number>(root ? [root.pid] : []);
  let peak = alive.size;
  let at: TraceEvent | undefined;
  for (const e of result.trace) {
    if (e.kind === 'clone' && processes.has(Number(e.child))) alive.add(Number(e.child));
    else if (e.kind === 'exit') alive.delete(e.pid);
    else continue;
    if (alive.size > peak) [peak, at] = [alive.size, e];
  }
  return { peak, at };
}

/** `aliveAtOnce`: the most processes alive at the same time within the range. */
function evaluateAlive(range: Range, result: RunResult, ctx: EvalContext): Outcome {
  const { peak, at } = aliveAtOnce(result);
  const ok = (range.min === undefined || peak >= range.min) && (range.max === undefined || peak <= range.max);
  const want = range.min !== undefined && range.max !== undefined ? (range.min === range.max ? `${range.min}` : `${range.min} to ${range.max}`) : range.min !== undefined ? `at least ${range.min}` : `at most ${range.max}`;
  const detail = `at most ${peak} process${peak === 1 ? ' was' : 'es were'} alive at the same time${!ok && ctx.reveal ? `, expected ${want}` : ''}`;
  const link = at ? linkTo(at) : endLink(result);
  return ok ? pass(detail, link) : fail(detail, link);
}

/** `processes`: `count`, or between `min` and `max`; and `aliveAtOnce`. Partial credit when both are asked and one holds. */
export function evaluateProcesses(check: CheckFields, result: RunResult, ctx: EvalContext): Outcome {
  const alive = check.aliveAtOnce ? evaluateAlive(check.aliveAtOnce, result, ctx) : null;
  if (check.count === undefined && check.min === undefined && check.max === undefined) return alive!;
  const made = evaluateCount(check, result, ctx);
  if (!alive) return made;
  if (made.passed && alive.passed) return pass(`${made.detail}; ${alive.detail}`, made.link);
  const failed = made.passed ? alive : made;
  return { passed: false, fraction: made.passed || alive.passed ? 0.5 : 0, detail: [made, alive].filter((o) => !o.passed).map((o) => o.detail).join('; '), link: failed.link };
}

/** `count`, or between `min` and `max`. */
function evaluateCount(check: CheckFields, result: RunResult, ctx: EvalContext): Outcome {
  const { count, creations } = countProcesses(result);
  const min = check.count ?? check.min ?? 1;
  const max = check.count ?? check.max ?? Infinity;
  const lastCreation = linkTo(creations[creations.length - 1]);
  const want = check.count !== undefined ? `${check.count}` : max === Infinity ? `at least ${min}` : check.min === undefined ? `at most ${max}` : `${min} to ${max}`;
  const made = `the program made ${count} process${count === 1 ? '' : 'es'} (itself included)`;
  if (count >= min && count <= max) return pass(made, lastCreation.step !== null ? lastCreation : endLink(result));
  if (count > max) {
    // the creation of the first process too many (the (max+1)-th process is creations[max - 1])
    const culprit = creations[Math.max(0, max - 1)];
    return fail(`${made}${ctx.reveal ? `, expected ${want}` : ''}: too many; this fork made one too many`, linkTo(culprit));
  }
  return fail(`${made}${ctx.reveal ? `, expected ${want}` : ''}: too few`, endLink(result));
}

/** `tree`: the process tree has the expected shape. */
export function evaluateTree(check: CheckFields, result: RunResult, ctx: EvalContext): Outcome {
  const { root } = processTree(result);
  if (!root) return fail('no process ran', endLink(result));
  const expected = (check.shape ?? []) as unknown[];
  const diff = firstShapeDifference(root, expected);
  const actual = formatShape(shapeOf(root));
  if (!diff) return pass(`the process tree has the expected shape ${actual}`, endLink(result));
  const who = diff.node === root ? 'the first process' : `process ${diff.node.pid}`;
  const n = diff.node.children.length;
  let link = linkTo(diff.node.created);
  if (diff.extra) {
    // the first child beyond the expected number, found by walking the expected shape again
    const expectedHere = expectedChildrenAt(root, diff.node, expected);
    link = linkTo(diff.node.children[expectedHere]?.created);
  }
  if (link.step === null) link = endLink(result);
  const detail = `${who} has ${n} child${n === 1 ? '' : 'ren'}, ${diff.extra ? 'more' : 'fewer'} than the expected tree has there; the tree is ${actual}${
    ctx.reveal ? `, expected ${formatShape(expected)}` : ''
  }`;
  return fail(detail, link);
}

function expectedChildrenAt(node: ReturnType<typeof processTree>['root'], target: NonNullable<ReturnType<typeof processTree>['root']>, expected: unknown[]): number {
  if (!node) return 0;
  if (node === target) return expected.length;
  for (let i = 0; i < node.children.length && i < expected.length; i++) {
    const found = expectedChildrenAt(node.children[i], target, Array.isArray(expected[i]) ? (expected[i] as unknown[]) : []);
    if (found >= 0) return found;
  }
  return -1;
}

/** `orphans`: exactly `count` processes were reparented, and who reaped them. */
export function evaluateOrphans(check: CheckFields, result: RunResult, ctx: EvalContext): Outcome {
  const orphans = result.processes.filter((p) => p.reparentedTo !== null);
  const reparent = (pid: number): TraceEvent | undefined => result.trace.find((e) => e.kind === 'reparent' && e.pid === pid);
  const problems: string[] = [];
  let link = orphans.length > 0 ? linkTo(reparent(orphans[0].pid)) : endLink(result);
  let parts = 0;
  let good = 0;
  if (check.count !== undefined) {
    parts++;
    if (orphans.length === check.count) good++;
    else problems.push(`${orphans.length} process${orphans.length === 1 ? ' was' : 'es were'} orphaned (reparented)${ctx.reveal ? `, expected ${check.count}` : ''}`);
  }
  if (check.reapedBy !== undefined) {
    parts++;
    const wrong = wronglyReaped(check.reapedBy, result);
    if (!wrong) good++;
    else {
      problems.push(wrong.detail);
      if (wrong.event) link = linkTo(wrong.event);
    }
  }
  if (problems.length === 0) {
    const by = orphans.map((o) => `${o.pid} → ${o.reparentedTo}`).join(', ');
    return pass(orphans.length === 0 ? 'no process was orphaned' : `orphans and their new parents as expected (${by})`, link);
  }
  return { passed: false, fraction: parts > 0 ? good / parts : 0, detail: problems.join('; '), link };
}

/**
 * Who must reap: `init` (every orphan went to pid 1 and is not left a zombie), `subreaper` (every
 * orphan went to a process of the program), `parent` (no orphans; each child was reaped by the
 * process that created it). Returns what is wrong, or null.
 */
function wronglyReaped(by: 'init' | 'subreaper' | 'parent', result: RunResult): { detail: string; event?: TraceEvent } | null {
  const orphans = result.processes.filter((p) => p.reparentedTo !== null);
  const reparentOf = (pid: number) => result.trace.find((e) => e.kind === 'reparent' && e.pid === pid);
  const programPids = new Set(result.processes.map((p) => p.pid));
  if (by === 'init' || by === 'subreaper') {
    if (orphans.length === 0) return { detail: 'no process was orphaned, so none was reaped by ' + (by === 'init' ? 'init' : 'a subreaper') };
    for (const o of orphans) {
      const ok = by === 'init' ? o.reparentedTo === 1 : programPids.has(o.reparentedTo!);
      if (!ok) return { detail: `process ${o.pid} was handed to ${o.reparentedTo === 1 ? 'init (pid 1)' : `process ${o.reparentedTo}`}, not to ${by === 'init' ? 'init' : 'a subreaper of the program'}`, event: reparentOf(o.pid) };
      if (o.reapedBy === null) return { detail: `process ${o.pid} was never reaped by its new parent ${o.reparentedTo}`, event: reparentOf(o.pid) };
    }
    return null;
  }
  if (orphans.length > 0) return { detail: `process ${orphans[0].pid} was orphaned: its parent ended before it and did not reap it`, event: reparentOf(orphans[0].pid) };
  const { all } = processTree(result);
  for (const node of all) {
    if (node.parent === null) continue;
    const info = result.processes.find((p) => p.pid === node.pid);
    if (info && info.reapedBy !== node.parent) {
      return { detail: `process ${node.pid} was not reaped by its parent ${node.parent}`, event: exitEvent(result, node.pid) };
    }
  }
  return null;
}
